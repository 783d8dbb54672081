import type { Rng } from './prng.js';
import {
  COMMUNITIES, COUNTY_SCHOOLS, EATERIES, FIRM_TRADES, FIRM_WORDS_LIST, type FirmTrade, FOODS, HOSPITALS, PROJECTS,
  QUOTES, RIVERS, ROADS, SCHOOL_KINDS, SURNAMES, VILLAGE_FORMS,
} from './vocab.js';

// Fills `{name}` placeholders. A placeholder keeps one value per incident (the bindings), so the same village or
// worker count appears in title, summary and involved unit. `{name:a-b}` is a whole number in [a, b];
// `{firm:trade}` is a firm of that trade.

const PLACEHOLDER = /\{([a-zA-Z]+)(?::([a-z]+|\d+-\d+))?\}/g;

function village(rng: Rng): string {
  if (rng.chance(0.25)) return rng.pick(VILLAGE_FORMS.whole);
  const head = rng.chance(0.4) ? rng.pick(VILLAGE_FORMS.heads) : '';
  return `${head}${rng.pick(SURNAMES)}${rng.pick(VILLAGE_FORMS.tails)}村`;
}

function firm(rng: Rng, trade: FirmTrade): string {
  return `${rng.pick(FIRM_WORDS_LIST)}${rng.pick(FIRM_TRADES[trade])}`;
}

function isTrade(name: string): name is FirmTrade {
  return Object.hasOwn(FIRM_TRADES, name);
}

/** Placeholders filled by one word picked from a list. */
const LISTS: Readonly<Record<string, readonly string[]>> = {
  community: COMMUNITIES,
  road: ROADS,
  river: RIVERS,
  school: SCHOOL_KINDS,
  countySchool: COUNTY_SCHOOLS,
  hospital: HOSPITALS,
  food: FOODS,
  eatery: EATERIES,
  project: PROJECTS,
  quote: QUOTES,
};

/** Draws a fresh value for a placeholder; unknown names are a template bug and throw. */
function draw(rng: Rng, township: string, name: string, arg: string | undefined): string {
  if (arg && /^\d+-\d+$/.test(arg)) {
    const [min, max] = arg.split('-').map(Number) as [number, number];
    return String(rng.int(min, max));
  }
  if (Object.hasOwn(LISTS, name)) return rng.pick(LISTS[name]!);
  switch (name) {
    case 'township':
      return township;
    case 'village':
      return village(rng);
    case 'firm':
      if (!arg || !isTrade(arg)) throw new Error(`unknown firm trade ${arg ?? ''}`);
      return firm(rng, arg);
    case 'person':
      return `${rng.pick(SURNAMES)}某${rng.chance(0.5) ? '某' : ''}`;
    case 'reads':
      return rng.chance(0.3) ? `${rng.int(1, 80)}万` : String(rng.int(800, 9999));
    case 'shares':
      return String(rng.int(20, 5000));
    case 'comments':
      return String(rng.int(10, 2000));
    case 'ticket':
      return `${rng.int(2, 9)}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
    default:
      throw new Error(`unknown placeholder {${name}}`);
  }
}

export class TextFiller {
  private readonly bindings = new Map<string, string>();

  constructor(
    private readonly rng: Rng,
    private readonly township: string,
  ) {}

  fill(template: string): string {
    return template.replace(PLACEHOLDER, (token, name: string, arg: string | undefined) => {
      let value = this.bindings.get(token);
      if (value === undefined) this.bindings.set(token, (value = draw(this.rng, this.township, name, arg)));
      return value;
    });
  }
}
