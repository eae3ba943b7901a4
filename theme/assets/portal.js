// Progressive enhancements for every page. The site works fully without this file.
// Loaded as a module from a file (no inline script), so a strict Content-Security-Policy holds.
