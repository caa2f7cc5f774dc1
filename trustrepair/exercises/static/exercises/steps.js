// Multi-step tools (issue 11): Enter on a chip, a checkbox or a slider goes on to the next step, as it does
// in a text field. Forms opt in with data-enter-submits.
(function () {
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) return;
    var target = event.target;
    if (!target.matches || !target.matches('input[type="checkbox"], input[type="radio"], input[type="range"]')) return;
    var form = target.form;
    if (!form || !form.hasAttribute("data-enter-submits")) return;
    event.preventDefault();
    if (form.requestSubmit) form.requestSubmit(); else form.submit();
  });
})();
