// Nothing typed is lost: every form marked data-draft keeps its text in this tab's sessionStorage
// while the person types. It is restored when the same form comes back (a failed submit, or after
// signing in again when the session expired) and forgotten once the submit has succeeded.
// sessionStorage ends with the tab and is cleared by quick exit, so drafts never outlive the visit.
const PENDING = "tr-draft-pending";

function keyFor(form) {
  return "tr-draft:" + (form.dataset.draft || form.getAttribute("action") || location.pathname);
}

function fieldsOf(form) {
  return [...form.elements].filter(
    (el) => el.name && el.name !== "csrfmiddlewaretoken" && !["password", "file", "hidden", "submit"].includes(el.type),
  );
}

function save(form) {
  const data = {};
  for (const el of fieldsOf(form)) {
    if (el.type === "checkbox" || el.type === "radio") {
      if (el.checked) (data[el.name] ||= []).push(el.value);
    } else {
      data[el.name] = el.value;
    }
  }
  sessionStorage.setItem(keyFor(form), JSON.stringify(data));
}

// `unsent`: the person pressed submit but the form came back unsaved (an expired session sent
// them to sign in first), so their draft wins over what the page was filled with.
function restore(form, unsent) {
  const raw = sessionStorage.getItem(keyFor(form));
  if (!raw) return;
  const data = JSON.parse(raw);
  for (const el of fieldsOf(form)) {
    if (!(el.name in data)) continue;
    if (el.type === "checkbox" || el.type === "radio") {
      el.checked = data[el.name].includes(el.value);
    } else if (unsent || !el.value) {
      el.value = data[el.name];
    }
  }
}

try {
  const forms = [...document.querySelectorAll("form[data-draft]")];
  const pending = sessionStorage.getItem(PENDING);
  const keepsDrafts = document.body.hasAttribute("data-keeps-drafts"); // sign-in pages
  if (pending && !keepsDrafts && !forms.some((f) => keyFor(f) === pending)) {
    sessionStorage.removeItem(pending); // the submit succeeded: the form is gone
    sessionStorage.removeItem(PENDING);
  }
  for (const form of forms) {
    const hasErrors = form.querySelector("[aria-invalid='true']") !== null;
    restore(form, pending === keyFor(form) && !hasErrors);
    form.addEventListener("input", () => save(form));
    form.addEventListener("change", () => save(form));
    form.addEventListener("submit", () => {
      save(form);
      sessionStorage.setItem(PENDING, keyFor(form));
    });
  }
} catch (_) {
  /* storage disabled: forms still work, drafts are simply not kept */
}
