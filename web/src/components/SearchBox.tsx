import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { suggest } from "../api/search";
import type { Suggestions } from "../api/types";

const typingPause = 120; // ms: one request per pause in typing, not per key

// The search field with suggestions as you type: an ARIA 1.2 combobox whose
// options are completions of the query and the best matching products.
export function SearchBox() {
  const [params] = useSearchParams();
  const [text, setText] = useState(params.get("q") ?? "");
  const [answer, setAnswer] = useState<Suggestions>();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const navigate = useNavigate();
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => setText(params.get("q") ?? ""), [params]);

  useEffect(() => {
    const words = text.trim();
    if (!words || !open) {
      setAnswer(undefined);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      suggest(words, controller.signal).then(
        (suggestions) => {
          setAnswer(suggestions);
          setActive(-1);
        },
        () => setAnswer(undefined), // suggestions are a help: without them the search still works
      );
    }, typingPause);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text, open]);

  const options = [
    ...(answer?.suggestions ?? []).map((s) => ({ label: s.text, go: () => searchFor(s.text) })),
    ...(answer?.products ?? []).map((p) => ({
      label: p.title,
      go: () => navigate(`/products/${encodeURIComponent(p.slug)}`),
    })),
  ];

  const showing = open && options.length > 0;

  function searchFor(words: string) {
    setOpen(false);
    setText(words);
    navigate(`/search?${new URLSearchParams({ q: words })}`);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const chosen = options[active];
    if (chosen) {
      setOpen(false);
      chosen.go();
    } else if (text.trim()) searchFor(text.trim());
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === "ArrowDown" && options.length) {
      event.preventDefault();
      setOpen(true);
      setActive((index) => (index + 1) % options.length);
    } else if (event.key === "ArrowUp" && options.length) {
      event.preventDefault();
      setActive((index) => (index <= 0 ? options.length - 1 : index - 1));
    } else if (event.key === "Escape" && showing) {
      // The first Escape closes the list; Chromium would also empty a
      // search field, which only a second Escape should do.
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  }

  const suggestionCount = answer?.suggestions.length ?? 0;
  return (
    <form className="search-box" role="search" onSubmit={submit}>
      <input
        ref={input}
        type="search"
        name="q"
        aria-label="Search products"
        placeholder="Search products"
        autoComplete="off"
        role="combobox"
        aria-expanded={showing}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
        value={text}
        maxLength={200}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      <button type="submit">Search</button>
      <ul id={listId} role="listbox" className="suggestions" hidden={!showing} aria-label="Suggestions">
        {options.map((option, index) => (
          <li
            key={`${index}-${option.label}`}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            className={index === suggestionCount ? "suggestion-first-product" : undefined}
            onMouseDown={(event) => {
              event.preventDefault(); // keep focus until the click is handled
              setOpen(false);
              option.go();
            }}
          >
            {index >= suggestionCount && <span className="suggestion-kind">Product</span>}
            {option.label}
          </li>
        ))}
      </ul>
    </form>
  );
}
