// News search: progressive enhancement only. Every page works without this file (links and GET forms);
// with it, the search page updates in place (history kept), the search box offers completions, facet
// lists can be filtered, and the date histogram accepts a dragged or shift-clicked range.
'use strict';

// Loaded in <head> without defer: mark the document as scripted before the body renders (see app.css).
document.documentElement.classList.add('js');

(() => {
  const PARAM_ORDER = ['q', 'source', 'actor', 'topic', 'from', 'to', 'sort', 'page'];
  let inFlight = null;
  // The search the page shows, so a fragment jump (which also fires popstate) does not reload it.
  let shown = location.pathname + location.search;

  const searchPage = () => document.querySelector('[data-search-page]');

  // ---- In-place navigation on the search page -------------------------------------------------

  function canonical(params) {
    const sorted = new URLSearchParams();
    for (const name of PARAM_ORDER) {
      for (const value of params.getAll(name)) {
        const text = value.trim();
        if (!text || (name === 'sort' && text === 'relevance') || (name === 'page' && text === '1')) continue;
        sorted.append(name, text);
      }
    }
    const query = sorted.toString();
    return '/' + (query ? '?' + query : '');
  }

  function formUrl(form) {
    return canonical(new URLSearchParams(new FormData(form)));
  }

  function rememberPanels(root) {
    return {
      open: [...root.querySelectorAll('details[id][open]')].map(d => d.id),
      filters: [...root.querySelectorAll('[data-facet-filter][id]')].map(i => [i.id, i.value]),
    };
  }

  function restorePanels(root, panels) {
    for (const id of panels.open) root.querySelector('#' + CSS.escape(id))?.setAttribute('open', '');
    for (const [id, value] of panels.filters) {
      const input = root.querySelector('#' + CSS.escape(id));
      if (input && value) { input.value = value; applyFacetFilter(input); }
    }
  }

  function announce(text) {
    const region = document.getElementById('announce');
    if (!region) return;
    region.textContent = '';
    // A fresh text node after a tick makes screen readers announce even an unchanged summary.
    setTimeout(() => { region.textContent = text; }, 50);
  }

  async function navigate(url, { push = true, focusId = null } = {}) {
    inFlight?.abort();
    const controller = new AbortController();
    inFlight = controller;
    const current = document.getElementById('swap');
    current?.setAttribute('aria-busy', 'true');
    let html;
    try {
      const response = await fetch(url, { signal: controller.signal, headers: { Accept: 'text/html' } });
      html = await response.text();
    } catch (error) {
      if (error.name === 'AbortError') return;
      location.href = url; // Let the browser show what the server says.
      return;
    }
    if (inFlight !== controller) return;
    inFlight = null;

    const next = new DOMParser().parseFromString(html, 'text/html');
    const replacement = next.getElementById('swap');
    if (!current || !replacement) { location.href = url; return; }

    const panels = rememberPanels(current);
    if (push) history.pushState(null, '', url);
    shown = location.pathname + location.search;
    current.replaceWith(document.adoptNode(replacement));
    restorePanels(replacement, panels);
    document.title = next.title;
    const q = document.getElementById('q');
    const nextQ = next.getElementById('q');
    if (q && nextQ && document.activeElement !== q) q.value = nextQ.value;

    const focusTarget = (focusId && document.getElementById(focusId)) || null;
    if (focusTarget) {
      focusTarget.focus({ preventScroll: true });
    } else {
      const heading = document.getElementById('results-heading');
      heading?.focus({ preventScroll: true });
      const main = document.getElementById('main');
      if (main && main.getBoundingClientRect().top < 0) main.scrollIntoView();
    }
    const summary = replacement.querySelector('[data-summary]')?.textContent
      ?? replacement.querySelector('.problem h2, .empty h2')?.textContent ?? '';
    announce(summary);
  }

  function sameOriginSearchLink(anchor) {
    if (!anchor || anchor.target || anchor.hasAttribute('download')) return null;
    if (anchor.getAttribute('href').startsWith('#')) return null; // the skip link, and any other in-page jump
    const url = new URL(anchor.href, location.href);
    return url.origin === location.origin && url.pathname === '/' ? url : null;
  }

  document.addEventListener('click', event => {
    if (!searchPage() || event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = event.target.closest('a[href]');
    const url = sameOriginSearchLink(anchor);
    if (!url) return;
    event.preventDefault();
    navigate(canonical(url.searchParams));
  });

  document.addEventListener('submit', event => {
    const form = event.target;
    if (form.id !== 'search-form' || !searchPage()) return;
    event.preventDefault();
    closeSuggestions();
    const focusId = event.submitter?.id || (document.activeElement?.id ?? null);
    navigate(formUrl(form), { focusId });
  });

  document.addEventListener('change', event => {
    const control = event.target;
    if (!searchPage() || control.form?.id !== 'search-form') return;
    if (control.type === 'checkbox' || control.id === 'sort') {
      navigate(formUrl(control.form), { focusId: control.id });
    }
  });

  window.addEventListener('popstate', () => {
    const target = location.pathname + location.search;
    if (target === shown) return;
    if (searchPage() && location.pathname === '/') navigate(target, { push: false });
    else location.reload();
  });

  // ---- Facet value filter box ---------------------------------------------------------------

  function applyFacetFilter(input) {
    const panel = input.closest('fieldset');
    const text = input.value.trim().toLocaleLowerCase();
    for (const item of panel.querySelectorAll('.values li')) {
      const name = item.querySelector('.name')?.textContent.toLocaleLowerCase() ?? '';
      item.hidden = text !== '' && !name.includes(text);
    }
    if (text) for (const more of panel.querySelectorAll('details.more')) more.open = true;
  }

  document.addEventListener('input', event => {
    if (event.target.matches('[data-facet-filter]')) applyFacetFilter(event.target);
  });

  // ---- Date histogram: click a bar, drag across bars, or shift-click for a range -----------

  let anchor = null; // {from, to} of the last bar chosen, for shift-click ranges
  let drag = null;

  const barAt = (x, y) => document.elementFromPoint(x, y)?.closest('[data-from]');

  function rangeUrl(a, b) {
    const from = a.from < b.from ? a.from : b.from;
    const to = a.to > b.to ? a.to : b.to;
    const params = new URLSearchParams(location.search);
    params.set('from', from);
    params.set('to', to);
    params.delete('page');
    return canonical(params);
  }

  function selectedRange(svg) {
    const selected = [...svg.querySelectorAll('.selected[data-from]')];
    return selected.length ? { from: selected[0].dataset.from, to: selected[selected.length - 1].dataset.to } : null;
  }

  function markPicking(svg, a, b) {
    const from = a.from < b.from ? a.from : b.from;
    const to = a.to > b.to ? a.to : b.to;
    for (const bar of svg.querySelectorAll('[data-from]')) {
      bar.classList.toggle('picking', bar.dataset.from >= from && bar.dataset.to <= to);
    }
  }

  // No pointer capture: a plain click must still reach the bar's link. Touch is captured implicitly,
  // which is why the bar under the pointer is looked up by position.
  document.addEventListener('pointerdown', event => {
    const bar = event.target.closest('.histogram [data-from]');
    if (!bar || event.button !== 0 || event.shiftKey) return;
    drag = { svg: bar.closest('svg'), start: { ...bar.dataset }, end: { ...bar.dataset } };
  });

  document.addEventListener('pointermove', event => {
    if (!drag) return;
    const bar = barAt(event.clientX, event.clientY);
    if (!bar || bar.closest('svg') !== drag.svg || bar.dataset.from === drag.end.from) return;
    drag.end = { ...bar.dataset };
    markPicking(drag.svg, drag.start, drag.end);
  });

  document.addEventListener('pointerup', () => {
    if (!drag) return;
    const { start, end } = drag;
    drag = null;
    if (start.from !== end.from) {
      anchor = null;
      navigate(rangeUrl(start, end));
    }
  });

  document.addEventListener('pointercancel', () => { drag = null; });

  // Links are draggable by default; a drag over the bars means a range, not a URL to drop somewhere.
  document.addEventListener('dragstart', event => {
    if (event.target.closest?.('.histogram')) event.preventDefault();
  });

  // Capture phase: decide before the generic link handler whether a bar click is a range.
  document.addEventListener('click', event => {
    const bar = event.target.closest('.histogram [data-from]');
    if (!bar) return;
    const here = { ...bar.dataset };
    const start = anchor ?? selectedRange(bar.closest('svg'));
    if (event.shiftKey && start) {
      event.preventDefault();
      navigate(rangeUrl(start, here));
      anchor = null;
      return;
    }
    anchor = here;
    if (bar.tagName.toLowerCase() !== 'a') event.preventDefault();
  }, true);

  // ---- Search box completions (ARIA 1.2 combobox with a listbox popup) ----------------------

  let closeSuggestions = () => {};

  function setUpCombobox() {
    const input = document.getElementById('q');
    const list = document.getElementById('q-suggestions');
    if (!input || !list) return;
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', list.id);

    let items = [];
    let active = -1;
    let timer = 0;
    let sequence = 0;

    const close = () => {
      items = [];
      active = -1;
      list.hidden = true;
      list.replaceChildren();
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
    };
    closeSuggestions = close;

    const highlight = index => {
      active = index;
      list.querySelectorAll('[role=option]').forEach((option, i) => option.setAttribute('aria-selected', String(i === index)));
      if (index >= 0) {
        const option = document.getElementById(`q-option-${index}`);
        input.setAttribute('aria-activedescendant', option.id);
        option.scrollIntoView({ block: 'nearest' });
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    };

    const choose = suggestion => {
      close();
      const facet = { actor: 'actor', topic: 'topic', source: 'source' }[suggestion.kind];
      if (!facet) { // a title: search for it
        input.value = suggestion.value;
        input.form.requestSubmit();
        return;
      }
      // A person, topic or outlet becomes a filter on the current search, not search words.
      const params = new URLSearchParams(searchPage() ? location.search : '');
      if (!params.getAll(facet).includes(suggestion.value)) params.append(facet, suggestion.value);
      params.delete('page');
      input.value = params.get('q') ?? '';
      const url = canonical(params);
      if (searchPage()) navigate(url); else location.href = url;
    };

    const render = suggestions => {
      // A list refreshed while the keyboard is in it (the answer to a later keystroke arriving) keeps the option
      // the user is on, rather than dropping the highlight they may be about to choose with Enter.
      const current = active >= 0 ? items[active] : null;
      items = suggestions.slice(0, 8);
      if (items.length === 0) { close(); return; }
      list.replaceChildren(...items.map((suggestion, index) => {
        const option = document.createElement('li');
        option.id = `q-option-${index}`;
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', 'false');
        const value = document.createElement('span');
        value.textContent = suggestion.value;
        const kind = document.createElement('span');
        kind.className = 'kind';
        kind.textContent = suggestion.kind === 'title' ? 'article' : `filter by ${suggestion.kind}`;
        option.append(value, kind);
        option.addEventListener('mousedown', event => event.preventDefault()); // keep focus in the box
        option.addEventListener('click', () => choose(suggestion));
        return option;
      }));
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
      highlight(current ? items.findIndex(item => item.value === current.value && item.kind === current.kind) : -1);
    };

    const fetchSuggestions = async () => {
      const text = input.value.trim();
      const mine = ++sequence;
      if (text.length < 2) { close(); return; }
      try {
        const response = await fetch('/api/suggest?q=' + encodeURIComponent(text), { headers: { Accept: 'application/json' } });
        if (!response.ok) { close(); return; }
        const body = await response.json();
        if (mine !== sequence) return; // a newer keystroke won
        render(Array.isArray(body) ? body : (body.suggestions ?? []));
      } catch {
        close();
      }
    };

    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, 150);
    });

    input.addEventListener('keydown', event => {
      const open = !list.hidden && items.length > 0;
      switch (event.key) {
        case 'ArrowDown':
          if (!open) { fetchSuggestions(); break; }
          event.preventDefault();
          highlight((active + 1) % items.length);
          break;
        case 'ArrowUp':
          if (!open) break;
          event.preventDefault();
          highlight(active <= 0 ? items.length - 1 : active - 1);
          break;
        case 'Enter':
          if (open && active >= 0) { event.preventDefault(); choose(items[active]); }
          else close();
          break;
        case 'Escape':
          if (open) { event.preventDefault(); close(); }
          break;
        case 'Tab':
          close();
          break;
      }
    });

    input.addEventListener('blur', close);
  }

  // ---- Article page: "back to search" returns to the exact search the reader came from ------

  document.addEventListener('click', event => {
    const back = event.target.closest('[data-back]');
    if (!back || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    const from = document.referrer ? new URL(document.referrer) : null;
    if (from && from.origin === location.origin && from.pathname === '/' && history.length > 1) {
      event.preventDefault();
      history.back();
    }
  });

  document.addEventListener('DOMContentLoaded', setUpCombobox);
})();
