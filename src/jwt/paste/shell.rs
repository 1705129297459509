//! Splits a copied command line into words, as the shell would, without
//! running anything: bash (`'…'`, `"…"`, `$'…'`, `\` line continuations),
//! Windows `cmd` (`^"…^"`, `^` continuations) and PowerShell (`` ` ``).

/// Which shell's quoting the text uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    /// bash and zsh, as Chrome, Firefox and Safari copy for macOS and Linux.
    Bash,
    /// Windows `cmd.exe`, as Chrome and Firefox's "Copy as cURL (cmd)".
    Cmd,
    /// PowerShell, as "Copy as PowerShell" writes it.
    PowerShell,
}

/// Guesses the dialect from the marks each one leaves.
pub fn dialect(text: &str) -> Dialect {
    if text.contains("^\"") || text.contains("^\n") || text.contains("^\r\n") {
        Dialect::Cmd
    } else if text.contains("Invoke-WebRequest")
        || text.contains("Invoke-RestMethod")
        || text.contains("`\n")
    {
        Dialect::PowerShell
    } else {
        Dialect::Bash
    }
}

/// The words of `text`. Unterminated quotes end at the end of the text.
pub fn words(text: &str, dialect: Dialect) -> Vec<String> {
    let uncareted;
    let text = if dialect == Dialect::Cmd {
        uncareted = uncaret(text);
        uncareted.as_str()
    } else {
        text
    };
    let escape = if dialect == Dialect::PowerShell {
        '`'
    } else {
        '\\'
    };
    let mut out = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            c if c.is_whitespace() => {
                if in_word {
                    out.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            c if c == escape => match chars.next() {
                // A continuation: the line break is not part of any word.
                Some('\n') => {}
                Some('\r') => {
                    chars.next_if_eq(&'\n');
                }
                Some(next) => {
                    word.push(next);
                    in_word = true;
                }
                None => {}
            },
            '\'' if dialect != Dialect::Cmd => {
                in_word = true;
                single_quoted(&mut chars, &mut word, dialect);
            }
            '$' if dialect == Dialect::Bash && chars.peek() == Some(&'\'') => {
                chars.next();
                in_word = true;
                ansi_c(&mut chars, &mut word);
            }
            '"' => {
                in_word = true;
                double_quoted(&mut chars, &mut word, escape);
            }
            c => {
                word.push(c);
                in_word = true;
            }
        }
    }
    if in_word {
        out.push(word);
    }
    out
}

/// Removes `cmd`'s caret escapes: `^` before a line break continues the
/// line, `^X` is `X`.
fn uncaret(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '^' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('\r' | '\n') => out.push(' '),
            Some(next) => out.push(next),
            None => {}
        }
    }
    out
}

type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

/// `'…'`: literal in bash; `''` is one quote in PowerShell.
fn single_quoted(chars: &mut Chars<'_>, word: &mut String, dialect: Dialect) {
    while let Some(c) = chars.next() {
        if c == '\'' {
            if dialect == Dialect::PowerShell && chars.next_if_eq(&'\'').is_some() {
                word.push('\'');
                continue;
            }
            return;
        }
        word.push(c);
    }
}

/// `"…"`: the escape character escapes the quote, itself, `$` and a line break.
fn double_quoted(chars: &mut Chars<'_>, word: &mut String, escape: char) {
    while let Some(c) = chars.next() {
        match c {
            '"' => return,
            c if c == escape => match chars.next() {
                Some('\n') => {}
                Some(next @ ('"' | '$' | '`' | '\\')) => word.push(next),
                Some(next) => {
                    word.push(c);
                    word.push(next);
                }
                None => word.push(c),
            },
            c => word.push(c),
        }
    }
}

/// bash's `$'…'` (ANSI-C quoting), which Chrome uses when a value holds a
/// quote or a control character.
fn ansi_c(chars: &mut Chars<'_>, word: &mut String) {
    while let Some(c) = chars.next() {
        match c {
            '\'' => return,
            '\\' => match chars.next() {
                Some('n') => word.push('\n'),
                Some('t') => word.push('\t'),
                Some('r') => word.push('\r'),
                Some(kind @ ('x' | 'u' | 'U')) => {
                    let max = match kind {
                        'x' => 2,
                        'u' => 4,
                        _ => 8,
                    };
                    let mut code = 0u32;
                    let mut digits = 0;
                    while digits < max {
                        let Some(d) = chars.peek().and_then(|d| d.to_digit(16)) else {
                            break;
                        };
                        chars.next();
                        code = code * 16 + d;
                        digits += 1;
                    }
                    word.push(char::from_u32(code).unwrap_or('\u{FFFD}'));
                }
                Some(next) => word.push(next),
                None => {}
            },
            c => word.push(c),
        }
    }
}
