// Sliders (issue 11): keep the shown value and the spoken value ("7 of 10") in step with the thumb.
(function () {
  function sync(input) {
    var of = input.getAttribute("data-slider-of");
    var out = input.parentNode.querySelector("[data-slider-value]");
    if (out) out.textContent = input.value;
    input.setAttribute("aria-valuetext", of ? input.value + " of " + of : input.value);
  }
  document.addEventListener("input", function (event) {
    if (event.target.matches && event.target.matches('input[type="range"]')) sync(event.target);
  });
  // At most three moods: further chips are disabled until one is unticked.
  function limit(group) {
    var max = parseInt(group.getAttribute("data-max") || "0", 10);
    if (!max) return;
    var boxes = group.querySelectorAll('input[type="checkbox"]');
    var ticked = group.querySelectorAll('input[type="checkbox"]:checked').length;
    boxes.forEach(function (box) { box.disabled = !box.checked && ticked >= max; });
  }
  document.addEventListener("change", function (event) {
    var group = event.target.closest && event.target.closest(".chips[data-max]");
    if (group) limit(group);
  });
  document.querySelectorAll(".chips[data-max]").forEach(limit);
})();
