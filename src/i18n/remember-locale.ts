/**
 * Inline script: remembers the language a reader picks from any link marked
 * `data-locale-link`, so the site root opens that language next time.
 */
export const rememberLocaleScript = `document.addEventListener('click', function (event) {
  var link = event.target instanceof Element && event.target.closest('[data-locale-link]');
  if (link) try { localStorage.setItem('locale', link.getAttribute('data-locale-link')); } catch (e) {}
});`;
