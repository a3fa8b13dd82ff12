// Work-plan screens (strict CSP: no inline scripts). Irreversible steps ask first.
document.addEventListener("click", (event) => {
  const button = event.target.closest("button[data-confirm]");
  if (button && !window.confirm(button.dataset.confirm)) {
    event.preventDefault();
  }
});
// Show the delegation fields only when the meeting is delegated (Pasal 6).
document.addEventListener("DOMContentLoaded", () => {
  const box = document.getElementById("id_delegated");
  if (!box) return;
  const names = ["delegate_name", "delegate_title", "delegation_letter"];
  const sync = () => names.forEach((n) => {
    const field = document.getElementById(`id_${n}`);
    if (field) field.closest(".field").hidden = !box.checked;
  });
  box.addEventListener("change", sync);
  sync();
});
