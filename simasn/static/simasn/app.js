// SIMASN behaviour that CSP allows (no inline scripts): auto-submit selects, charts.
document.addEventListener("DOMContentLoaded", () => {
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
