// One question per screen on a phone (issue 11). Without JavaScript, or on a wide screen, the form is the
// one page it always was. On a narrow screen each question shows alone, with a progress bar and the time
// left; tapping an answer moves on (each answer is already saved by htmx). "Back" returns a question.
(function () {
  var form = document.querySelector("form[data-one-at-a-time]");
  if (!form || !window.matchMedia("(max-width: 30rem)").matches) return;
  var questions = Array.prototype.slice.call(form.querySelectorAll("fieldset"));
  if (questions.length < 2) return;
  var actions = form.querySelector("[data-measure-actions]");
  var box = document.querySelector("[data-measure-progress]");
  var bar = box.querySelector("[data-progress-bar]");
  var text = box.querySelector("[data-progress-text]");
  var time = box.querySelector("[data-progress-time]");
  var link = document.querySelector("[data-one-page-link]");
  var index = 0;
  var nav = document.createElement("div");
  nav.className = "actions";
  var back = document.createElement("button");
  back.type = "button";
  back.className = "button-secondary";
  back.textContent = "Back";
  var next = document.createElement("button");
  next.type = "button";
  next.textContent = "Next question";
  nav.appendChild(back);
  nav.appendChild(next);
  actions.parentNode.insertBefore(nav, actions);
  box.hidden = false;
  link.hidden = false;
  bar.max = questions.length;

  function show(i, focus) {
    index = Math.max(0, Math.min(i, questions.length - 1));
    questions.forEach(function (q, n) { q.hidden = n !== index; });
    var last = index === questions.length - 1;
    actions.hidden = !last;
    next.hidden = last;
    back.disabled = index === 0;
    bar.value = index + 1;
    text.textContent = "Question " + (index + 1) + " of " + questions.length;
    var left = Math.ceil(((questions.length - index) * 10) / 60);
    time.textContent = "about " + left + " minute" + (left === 1 ? "" : "s") + " left";
    if (focus) {
      var first = questions[index].querySelector("input:checked") || questions[index].querySelector("input, textarea");
      if (first) first.focus();
    }
  }
  back.addEventListener("click", function () { show(index - 1, true); });
  next.addEventListener("click", function () { show(index + 1, true); });
  form.addEventListener("click", function (event) {
    // A tap or click on an answer moves on; arrow keys choosing within the group (detail 0) do not.
    if (event.detail > 0 && event.target.type === "radio" && index < questions.length - 1) {
      setTimeout(function () { show(index + 1, true); }, 250);
    }
  });
  show(0, false);
})();
