// LOFT kunskapsbank: the search page (sok/) on Pagefind's JavaScript API.
//
// The page's HTML (rendered by loft/search.py) holds the filter options in
// their order, with labels, links and names; this script only reads the URL,
// asks Pagefind and fills in counts and results. The whole state lives in the
// URL: ?q=text&principer=<id>&kommuner=<id>&ar=<yyyy>&typ=<id>&sortera=nyast.
// Several values of one filter match any of them; different filters all apply.

const PAGE_SIZE = 20;
const CARD_LABELS = 3; // labels a result shows at most, as on the listing pages
const WIDE = "(min-width: 60em)"; // the filters are a sidebar from here, a disclosure below
const TYPING_DELAY = 250; // ms after the last keystroke before searching

const form = document.getElementById("loft-search");
if (form) start().catch(failed);

function failed(error) {
  console.error(error);
  const form = document.getElementById("loft-search");
  const nojs = document.getElementById("loft-search-nojs");
  if (form) form.hidden = true;
  if (nojs) {
    nojs.hidden = false;
    const note = nojs.querySelector(".loft-search-nojs__note");
    if (note) note.textContent = "Sökningen kunde inte laddas just nu. Allt material finns också i listorna nedan.";
  }
}

async function start() {
  const query = document.getElementById("loft-search-q");
  const status = document.getElementById("loft-search-status");
  const list = document.getElementById("loft-search-list");
  const more = document.getElementById("loft-search-more");
  const suggest = document.getElementById("loft-search-suggest");
  const clear = document.getElementById("loft-search-clear");
  const filters = document.getElementById("loft-search-filters");
  const chosen = document.getElementById("loft-search-chosen");
  const sortNote = document.getElementById("loft-sort-note");
  const relevance = document.getElementById("loft-sort-relevans");
  const newest = document.getElementById("loft-sort-nyast");
  const headerBox = document.querySelector("form.loft-header-search input[name=q]");
  // Phones: the results come first, the filters wait behind "Filtrera (n valda)".
  const wide = window.matchMedia(WIDE);
  filters.open = wide.matches;
  wide.addEventListener("change", () => { filters.open = wide.matches; });
  const groups = [...form.querySelectorAll("fieldset.loft-search__facet")].map((fieldset) => ({
    param: fieldset.dataset.param,
    title: fieldset.querySelector("legend").textContent,
    singular: fieldset.dataset.singular,
    tags: fieldset.hasAttribute("data-tags"),
    boxes: [...fieldset.querySelectorAll('input[type="checkbox"]')],
  }));

  // Shown at once: until the listeners below are attached, submitting the form
  // reloads the page with its choices in the URL, which works too.
  form.hidden = false;
  document.getElementById("loft-search-nojs").hidden = true;
  status.setAttribute("aria-busy", "true");

  const pagefind = await import(new URL(form.dataset.bundle + "pagefind.js", location.href).href);
  await pagefind.options({ baseUrl: new URL(form.dataset.root, location.href).pathname });
  await pagefind.filters(); // loads the filter index, so every search returns counts

  // --- state <-> URL <-> form ------------------------------------------------
  function readUrl() {
    const params = new URLSearchParams(location.search);
    const filters = {};
    for (const group of groups) {
      const wanted = new Set(params.getAll(group.param));
      filters[group.param] = group.boxes.map((b) => b.value).filter((v) => wanted.has(v));
    }
    return { q: params.get("q") || "", filters, sort: params.get("sortera") === "nyast" ? "nyast" : "relevans" };
  }

  let wantedSort = "relevans"; // the reader's choice, kept while there are no words to match
  function readForm() {
    const filters = {};
    for (const group of groups) filters[group.param] = group.boxes.filter((b) => b.checked).map((b) => b.value);
    const q = query.value.trim();
    if (q || !relevance.disabled) wantedSort = newest.checked ? "nyast" : "relevans";
    return { q, filters, sort: wantedSort };
  }

  // Without search words nothing can match better: the list is newest first,
  // and the sort control says so too (it agrees with the status line).
  function showSort(state) {
    const words = Boolean(state.q);
    relevance.disabled = !words;
    sortNote.hidden = words;
    const effective = words ? state.sort : "nyast";
    relevance.checked = effective === "relevans";
    newest.checked = effective === "nyast";
  }

  function showChosen(state) {
    const n = Object.values(state.filters).reduce((sum, values) => sum + values.length, 0);
    chosen.textContent = `(${n} ${n === 1 ? "vald" : "valda"})`;
  }

  function showState(state) {
    query.value = state.q;
    wantedSort = state.sort;
    for (const group of groups) {
      const on = new Set(state.filters[group.param]);
      for (const box of group.boxes) box.checked = on.has(box.value);
    }
    showSort(state);
  }

  function urlOf(state) {
    const params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    for (const group of groups) for (const value of state.filters[group.param]) params.append(group.param, value);
    if (state.sort !== "relevans") params.set("sortera", state.sort);
    const search = params.toString();
    return location.pathname + (search ? `?${search}` : "");
  }

  // --- searching --------------------------------------------------------------
  function pagefindFilters(filters, except) {
    const out = {};
    for (const [param, values] of Object.entries(filters)) {
      if (param !== except && values.length) out[param] = { any: values };
    }
    return out;
  }

  let latest = 0; // a newer search makes older answers moot
  let results = [];
  let shown = 0;

  async function run(state) {
    const mine = ++latest;
    const term = state.q || null;
    const options = { filters: pagefindFilters(state.filters) };
    if (!term || state.sort === "nyast") options.sort = { nyast: "desc" };
    status.setAttribute("aria-busy", "true");
    const found = await pagefind.search(term, options);
    // Counts per option: with every other choice kept, this group's own choice left out.
    const counts = {};
    for (const group of groups) {
      if (!state.filters[group.param].length) {
        counts[group.param] = found.filters?.[group.param] || {};
      } else {
        const other = await pagefind.search(term, { filters: pagefindFilters(state.filters, group.param) });
        counts[group.param] = other.filters?.[group.param] || {};
      }
    }
    if (mine !== latest) return;
    showSort(state);
    showChosen(state);
    if (headerBox && document.activeElement !== headerBox) headerBox.value = state.q; // the header box carries the query
    showCounts(counts);
    showSuggestions(state);
    results = found.results;
    shown = 0;
    list.replaceChildren();
    await showMore(false, mine);
    if (mine !== latest) return;
    status.removeAttribute("aria-busy");
    status.textContent = statusText(results.length, state);
  }

  function showCounts(counts) {
    for (const group of groups) {
      for (const box of group.boxes) {
        const count = counts[group.param][box.value] || 0;
        const label = box.labels[0];
        label.querySelector(".loft-search__count").textContent = `(${count})`;
        label.classList.toggle("loft-search__option--empty", count === 0 && !box.checked);
      }
    }
  }

  async function showMore(moveFocus, search = latest) {
    const next = results.slice(shown, shown + PAGE_SIZE);
    const data = await Promise.all(next.map((r) => r.data()));
    if (search !== latest) return; // a newer search has replaced these results
    const first = shown;
    list.append(...data.map(card));
    shown += next.length;
    more.hidden = shown >= results.length;
    more.textContent = `Visa fler träffar (${shown} av ${results.length} visas)`;
    if (moveFocus && list.children[first]) list.children[first].querySelector("a").focus();
  }

  function statusText(count, state) {
    let text = count === 0 ? "Inga träffar" : count === 1 ? "1 träff" : `${count} träffar`;
    if (state.q) text += ` på ”${state.q}”`;
    const chosen = groups.flatMap((g) => g.boxes.filter((b) => b.checked).map((b) => b.dataset.label));
    if (chosen.length) text += `, filtrerat på ${chosen.join(", ")}`;
    if (count === 0) text += ". Pröva andra ord eller färre filter.";
    else if (!state.q || state.sort === "nyast") text += ", nyast först.";
    else text += ", bäst matchning först.";
    return text;
  }

  // --- one result -------------------------------------------------------------
  function element(tag, attrs = {}, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    el.append(...children);
    return el;
  }

  function card(result) {
    const meta = result.meta || {};
    const item = element("li", { class: "loft-card" },
      element("h3", { class: "loft-card__title" }, element("a", { href: result.url }, meta.title || result.url)));
    const facts = element("p", { class: "loft-card__meta" });
    if (meta.typ) facts.append(element("span", { class: "loft-card__type" }, meta.typ), " ",
      element("span", { "aria-hidden": "true" }, "·"), " ");
    if (meta.datum) facts.append(element("time", { datetime: meta.iso || "" }, meta.datum));
    item.append(facts);
    if (meta.sammanfattning) item.append(element("p", { class: "loft-card__summary" }, meta.sammanfattning));
    if (result.excerpt && query.value.trim()) {
      item.append(element("p", { class: "loft-card__excerpt" },
        element("span", { class: "loft-visually-hidden" }, "Utdrag: "), ...excerptNodes(result.excerpt)));
    }
    // Labels as text, a few at most: one link (the title) and one tab stop a result.
    const labels = [];
    for (const group of groups.filter((g) => g.tags)) {
      const ids = new Set((result.filters || {})[group.param] || []);
      for (const box of group.boxes) if (ids.has(box.value)) labels.push(box.dataset.label);
    }
    if (labels.length) {
      const shown = labels.slice(0, CARD_LABELS).map((label) => element("li", { class: "loft-label" }, label));
      if (labels.length > CARD_LABELS) {
        shown.push(element("li", { class: "loft-label loft-label--more" }, `och ${labels.length - CARD_LABELS} till`));
      }
      item.append(element("ul", { class: "loft-card__labels", "aria-label": "Märkt med" }, ...shown));
    }
    return item;
  }

  // Pagefind's excerpt is escaped text with the query words in <mark>: read as
  // an inert document and rebuilt from its text, so nothing but <mark> survives.
  function excerptNodes(html) {
    const body = new DOMParser().parseFromString(`<body>${html}</body>`, "text/html").body;
    return [...body.childNodes].map((node) =>
      node.nodeName === "MARK" ? element("mark", {}, node.textContent) : document.createTextNode(node.textContent));
  }

  // --- "did you mean the principle Kultur?" -----------------------------------
  const fold = (text) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();

  function showSuggestions(state) {
    const words = ` ${fold(state.q)} `;
    const hits = [];
    if (words.trim()) {
      for (const group of groups) {
        for (const box of group.boxes) {
          if (box.checked) continue;
          const names = box.dataset.names.split("|").map(fold).filter((n) => n.length > 2);
          if (names.some((n) => words.includes(` ${n} `))) hits.push([group, box]);
        }
      }
    }
    suggest.replaceChildren();
    suggest.hidden = !hits.length;
    if (!hits.length) return;
    const buttons = hits.slice(0, 4).map(([group, box]) => {
      const button = element("button", { type: "button", class: "md-button" }, `${box.dataset.label} (${group.singular})`);
      button.addEventListener("click", () => {
        box.checked = true;
        commit();
        box.focus();
      });
      return button;
    });
    suggest.append(element("p", {}, "Visa bara material märkt med: "), ...buttons);
  }

  // --- events -----------------------------------------------------------------
  let typing = false; // the first keystroke of a query adds a history entry, the rest replace it
  let timer = 0;

  function commit() {
    clearTimeout(timer);
    typing = false;
    const state = readForm();
    if (urlOf(state) !== location.pathname + location.search) history.pushState(null, "", urlOf(state));
    return run(state);
  }

  query.addEventListener("input", () => {
    clearTimeout(timer);
    pagefind.preload(query.value);
    timer = setTimeout(() => {
      const state = readForm();
      history[typing ? "replaceState" : "pushState"](null, "", urlOf(state));
      typing = true;
      run(state);
    }, TYPING_DELAY);
  });
  query.addEventListener("blur", () => { typing = false; });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    commit();
  });
  form.addEventListener("change", (event) => {
    if (event.target.matches('input[type="checkbox"], input[type="radio"]')) commit();
  });
  more.addEventListener("click", () => showMore(true));
  clear.addEventListener("click", () => {
    showState({ q: "", filters: Object.fromEntries(groups.map((g) => [g.param, []])), sort: "relevans" });
    commit();
    query.focus();
  });
  window.addEventListener("popstate", () => {
    typing = false;
    const state = readUrl();
    showState(state);
    run(state);
  });
  // The header's search box drives this page instead of reloading it.
  const header = document.querySelector("form.loft-header-search");
  if (header) {
    header.addEventListener("submit", (event) => {
      event.preventDefault();
      query.value = header.elements.q.value;
      commit();
      query.focus();
    });
  }

  const initial = readUrl();
  if (!wide.matches && initial.q === "" && Object.values(initial.filters).every((v) => !v.length)) filters.open = false;
  showState(initial);
  await run(initial);
}
