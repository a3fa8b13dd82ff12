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
  // Whole numbers (rupiah) grouped with dots as they are typed: 1500000000 -> 1.500.000.000.
  document.querySelectorAll("input[data-number=grouped]").forEach((input) => {
    input.addEventListener("input", () => {
      const digits = input.value.replace(/[^0-9]/g, "");
      const fromEnd = input.value.length - (input.selectionEnd ?? input.value.length);
      const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
      if (grouped !== input.value) {
        input.value = grouped;
        const at = Math.max(0, grouped.length - fromEnd);
        input.setSelectionRange(at, at);
      }
    });
  });
  // Phones: the main menu opens and closes behind its button.
  document.querySelectorAll(".nav-toggle").forEach((button) => {
    const menu = document.getElementById(button.getAttribute("aria-controls"));
    button.addEventListener("click", () => {
      const open = button.getAttribute("aria-expanded") !== "true";
      button.setAttribute("aria-expanded", String(open));
      menu.classList.toggle("open", open);
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
