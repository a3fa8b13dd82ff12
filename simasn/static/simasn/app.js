// SIMASN behaviour that CSP allows (no inline scripts): auto-submit selects, busy submit
// buttons, charts.
document.addEventListener("DOMContentLoaded", () => {
  // Long submits (uploads): say so and prevent a second click.
  document.querySelectorAll("form[data-busy-label]").forEach((form) => {
    form.addEventListener("submit", () => {
      form.querySelectorAll("button[type=submit]").forEach((button) => {
        button.disabled = true;
        button.setAttribute("aria-busy", "true");
        button.textContent = form.dataset.busyLabel;
      });
    });
  });
  document.querySelectorAll("select[data-autosubmit]").forEach((el) => {
    el.addEventListener("change", () => el.form.submit());
  });
  if (window.Chart) {
    document.querySelectorAll("canvas[data-chart]").forEach((canvas) => {
      const spec = JSON.parse(document.getElementById(canvas.dataset.chart).textContent);
      new window.Chart(canvas, spec);
    });
  }
});
