//! Editing a JSON object's text in place, keeping everything else as written.

use super::parse::member_spans;
use super::write::write_string;

/// Sets the top-level member `key` of an object text to the JSON `value`,
/// changing nothing else: the value of an existing member (its last copy) is
/// replaced in place, and a new member is added at the end in the text's own
/// style (one line, or indented like the others). `None` when the text is not
/// a JSON object.
pub fn set_member(text: &str, key: &str, value: &str) -> Option<String> {
    let (members, close) = member_spans(text).ok()?;
    if let Some((_, range)) = members.iter().rev().find(|(k, _)| k == key) {
        return Some(format!(
            "{}{value}{}",
            text.get(..range.start)?,
            text.get(range.end..)?
        ));
    }
    let mut name = String::new();
    write_string(&mut name, key);
    let Some((_, last)) = members.last() else {
        let inner = text.get(..close)?.trim_end();
        return Some(format!("{inner}{name}: {value}{}", text.get(close..)?));
    };
    // Indent like the last member when the object spans lines.
    let before_last = text.get(..last.start)?;
    let line_start = before_last.rfind('\n').map(|i| i + 1);
    let member = match line_start {
        Some(start) => {
            let indent: String = text
                .get(start..)?
                .chars()
                .take_while(|c| *c == ' ' || *c == '\t')
                .collect();
            format!(",\n{indent}{name}: {value}")
        }
        None => format!(",{name}:{value}"),
    };
    Some(format!(
        "{}{member}{}",
        text.get(..last.end)?,
        text.get(last.end..)?
    ))
}
