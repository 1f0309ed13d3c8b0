// Runs as soon as it arrives, while the app's initial script is still downloading and being parsed: a
// tab's first date formatter loads the browser's locale data, 40–80 ms that would otherwise fall between the
// home screen's code and its first render (ADR 006).
new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' }).format(0);
