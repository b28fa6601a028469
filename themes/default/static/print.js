// The print button: a file rather than an inline onclick, so it works under
// Content-Security-Policy: default-src 'self'. The button stays hidden when
// scripts do not run; the hint beside it (Ctrl+P) always shows.
document.querySelectorAll('[data-print]').forEach(function (button) {
  button.hidden = false;
  button.addEventListener('click', function () { window.print(); });
});
