// Runs before first paint so a dark-mode user never sees a white flash.
(function () {
  try {
    var saved = localStorage.getItem('meshglass-theme');
    var dark = saved === 'dark' || ((saved === null || saved === 'system') && matchMedia('(prefers-color-scheme: dark)').matches);
    document.documentElement.classList.toggle('dark', dark);
    document.documentElement.dataset.theme = saved || 'system';
  } catch (e) {}
})();
