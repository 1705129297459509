// The comparison page for the benchmark: a minimal token decoder built on
// jose, which shows the header and payload as JSON for a pasted token or a
// #token= link. What JWT Lens's first paint does, without the rest.
import { decodeJwt, decodeProtectedHeader } from "jose";

const input = document.querySelector("#token-input");
const out = document.querySelector("#out");
const show = (id, text) => {
  const pre = document.createElement("pre");
  pre.id = id;
  pre.textContent = text;
  return pre;
};
const render = () => {
  const token = input.value.trim();
  out.replaceChildren();
  if (!token) return;
  try {
    out.append(
      show("header-json", JSON.stringify(decodeProtectedHeader(token), null, 2)),
      show("payload-json", JSON.stringify(decodeJwt(token), null, 2)),
    );
  } catch (e) {
    out.append(show("token-error", String(e)));
  }
};
input.addEventListener("input", render);
const link = location.hash.match(/^#token=(.*)$/);
if (link) {
  input.value = decodeURIComponent(link[1]);
  render();
}
document.body.setAttribute("data-ready", "");
