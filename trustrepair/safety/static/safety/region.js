// Crisis lines for a signed-out visitor whose region is not known: guess it from the browser's time zone
// (where the device is) and then its languages ("en-GB"), and put that region's lines in place of the
// picker. Nothing is guessed into a country the data does not cover; without JavaScript the picker and the
// international directory stay. Loaded as a module (no inline script: CSP). Nothing leaves this site.
const box = document.querySelector("[data-region-unknown]");

const ZONES = {
  GB: ["Europe/London", "Europe/Belfast", "Europe/Guernsey", "Europe/Isle_of_Man", "Europe/Jersey"],
  IE: ["Europe/Dublin"],
  NZ: ["Pacific/Auckland", "Pacific/Chatham"],
  CA: ["Toronto", "Vancouver", "Montreal", "Edmonton", "Winnipeg", "Halifax", "St_Johns", "Regina", "Moncton",
    "Whitehorse", "Yellowknife", "Iqaluit", "Glace_Bay", "Goose_Bay", "Dawson_Creek", "Creston", "Fort_Nelson",
    "Rankin_Inlet", "Swift_Current", "Cambridge_Bay", "Inuvik", "Resolute", "Atikokan", "Blanc-Sablon",
    "Dawson", "Nipigon", "Thunder_Bay", "Rainy_River", "Pangnirtung"].map((c) => `America/${c}`),
  US: ["New_York", "Chicago", "Denver", "Los_Angeles", "Phoenix", "Anchorage", "Adak", "Boise", "Detroit",
    "Juneau", "Sitka", "Nome", "Yakutat", "Metlakatla", "Menominee"].map((c) => `America/${c}`)
    .concat(["Pacific/Honolulu"]),
  EU: ["Paris", "Berlin", "Madrid", "Rome", "Amsterdam", "Brussels", "Vienna", "Stockholm", "Copenhagen",
    "Helsinki", "Lisbon", "Athens", "Warsaw", "Prague", "Budapest", "Bucharest", "Sofia", "Zagreb", "Ljubljana",
    "Bratislava", "Vilnius", "Riga", "Tallinn", "Luxembourg", "Malta", "Nicosia", "Mariehamn", "Busingen"]
    .map((c) => `Europe/${c}`).concat(["Atlantic/Canary", "Atlantic/Madeira", "Atlantic/Azores", "Asia/Nicosia"]),
};
const ZONE_PREFIXES = [["AU", "Australia/"], ["US", "America/Indiana/"], ["US", "America/Kentucky/"], ["US", "America/North_Dakota/"]];
const EU_COUNTRIES = new Set(("AT BE BG HR CY CZ DK EE FI FR DE GR HU IT LV LT LU MT NL PL PT RO SK SI ES SE").split(" "));

function fromZone(zone) {
  if (!zone) return "";
  for (const [region, zones] of Object.entries(ZONES)) if (zones.includes(zone)) return region;
  for (const [region, prefix] of ZONE_PREFIXES) if (zone.startsWith(prefix)) return region;
  return "";
}

function fromLanguage(tag) {
  const country = (tag || "").split("-").slice(1).find((part) => /^[A-Za-z]{2}$/.test(part));
  if (!country) return "";
  const code = country.toUpperCase();
  if (code === "UK") return "GB";
  return EU_COUNTRIES.has(code) ? "EU" : code;
}

export function guessRegion(languages, zone, known) {
  const candidates = [fromZone(zone), ...languages.map(fromLanguage)];
  return candidates.find((code) => code && known.has(code)) || "";
}

async function showGuess() {
  const known = new Set(Array.from(box.querySelectorAll("select[name=region] option")).map((o) => o.value).filter(Boolean));
  let zone = "";
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    zone = "";
  }
  const region = guessRegion(navigator.languages || [navigator.language], zone, known);
  if (!region) return;
  const url = new URL(location.href);
  url.searchParams.set("region", region);
  url.searchParams.set("guessed", "1");
  const fragment = new URL(url);
  fragment.searchParams.set("lines", "1");
  const response = await fetch(fragment, { headers: { "HX-Request": "true" }, credentials: "same-origin" });
  if (!response.ok) return;
  const html = await response.text();
  const parsed = new DOMParser().parseFromString(html, "text/html").getElementById("crisis-lines");
  if (!parsed) return;
  box.replaceWith(parsed);
  history.replaceState(null, "", url);
}

if (box) showGuess().catch(() => {});
