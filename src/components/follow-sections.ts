/**
 * The section being read: the last heading that has reached the top of the window,
 * under the sticky header (where a link to it puts it); at the very end of the page,
 * the last heading in view. Each time it changes, its link in the table of contents
 * gets aria-current, the contents box scrolls to show it, and `onChange` hears its id
 * (undefined above the first heading).
 */
export function followSections(toc: HTMLElement, onChange: (id: string | undefined) => void): void {
  const links = new Map<string, HTMLAnchorElement>();
  for (const link of toc.querySelectorAll<HTMLAnchorElement>('a[href^="#"]'))
    links.set(decodeURIComponent(link.hash.slice(1)), link);
  const headings = [...links.keys()]
    .map((id) => document.getElementById(id))
    .filter((heading): heading is HTMLElement => heading !== null);
  let current: string | undefined;
  let pending = false;
  const update = () => {
    pending = false;
    const atEnd = window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
    // scroll-padding-top is where a followed link leaves its heading; a few pixels below it counts as arrived.
    const line = atEnd
      ? window.innerHeight
      : (parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0) + 8;
    let reading: string | undefined;
    for (const heading of headings) {
      if (heading.getBoundingClientRect().top > line) break;
      reading = heading.id;
    }
    if (reading === current) return;
    if (current) links.get(current)?.removeAttribute('aria-current');
    current = reading;
    const link = current ? links.get(current) : undefined;
    if (link) {
      link.setAttribute('aria-current', 'true');
      keepInView(toc, link);
    }
    onChange(current);
  };
  const schedule = () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(update);
  };
  addEventListener('scroll', schedule, { passive: true });
  addEventListener('resize', schedule, { passive: true });
  update();
}

/** Scrolls the contents box itself (never the page) so the current entry shows. */
function keepInView(box: HTMLElement, link: HTMLElement): void {
  if (box.scrollHeight <= box.clientHeight) return;
  const top = link.getBoundingClientRect().top - box.getBoundingClientRect().top;
  if (top < 0 || top + link.offsetHeight > box.clientHeight) box.scrollTop += top - box.clientHeight / 2;
}
