// "Print your plan": the button only calls the browser's print dialog (print.css hides navigation).
for (const button of document.querySelectorAll("[data-print]")) {
  button.addEventListener("click", () => window.print());
}
