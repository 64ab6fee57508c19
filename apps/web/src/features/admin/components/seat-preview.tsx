import { useCallback, useDeferredValue, useMemo } from 'react';
import { Tabs } from 'radix-ui';
import { type Category, type Seat, SeatMap } from '@/features/shows/components/seat-map';
import { formatMoney } from '@/lib/format';
import { previewSeats, toMinor, type DraftCategory, type DraftSection } from './show-draft';

const NO_SELECTION: ReadonlySet<string> = new Set();
const ignore = () => undefined;

/** The box office's seat map for looking only: nothing can be selected. */
export function SeatMapView(props: { seats: readonly Seat[]; categories: readonly Category[]; label: string; formatPrice: (minor: number) => string }) {
  return <SeatMap {...props} selected={NO_SELECTION} onToggle={ignore} />;
}

/**
 * The seat map the fans will see, drawn by the box office's own SeatMap from the draft as it is
 * typed: one tab per section. The draft is deferred, so typing stays responsive on a big section.
 */
export function SeatPreview({ sections, categories, currency }: { sections: readonly DraftSection[]; categories: readonly DraftCategory[]; currency: string }) {
  const deferredSections = useDeferredValue(sections);
  const deferredCategories = useDeferredValue(categories);
  const priced = useMemo(() => deferredCategories.map((c) => ({ id: c.id, name: c.name || c.id, price: toMinor(c.price) ?? 0 })), [deferredCategories]);
  const money = useCallback((minor: number) => (/^[A-Z]{3}$/.test(currency) ? safeMoney(minor, currency) : String(minor / 100)), [currency]);
  if (deferredSections.length === 0) return <p>Add a section to see its seat map.</p>;
  return (
    <Tabs.Root defaultValue="0" className="space-y-2">
      <Tabs.List aria-label="Sections to preview" className="flex flex-wrap gap-1">
        {deferredSections.map((section, i) => (
          <Tabs.Trigger
            key={i}
            value={String(i)}
            className="rounded border border-slate-400 bg-white px-3 py-1 data-[state=active]:border-black data-[state=active]:bg-slate-900 data-[state=active]:text-white"
          >
            {section.name || section.id || `Section ${i + 1}`}
          </Tabs.Trigger>
        ))}
      </Tabs.List>
      {deferredSections.map((section, i) => (
        <Tabs.Content key={i} value={String(i)} data-testid="seat-preview">
          <SectionPreview section={section} categories={priced} money={money} />
        </Tabs.Content>
      ))}
    </Tabs.Root>
  );
}

function SectionPreview({ section, categories, money }: { section: DraftSection; categories: { id: string; name: string; price: number }[]; money: (minor: number) => string }) {
  const seats = useMemo(() => previewSeats(section), [section]);
  if (seats.length === 0) return <p>This section has no seats yet.</p>;
  return <SeatMapView seats={seats} categories={categories} label={`Preview of ${section.name || section.id}`} formatPrice={money} />;
}

/** Intl refuses a code it does not know (a half-typed "EU"): show the bare figure then. */
const safeMoney = (minor: number, currency: string): string => {
  try {
    return formatMoney(minor, currency);
  } catch {
    return String(minor / 100);
  }
};
