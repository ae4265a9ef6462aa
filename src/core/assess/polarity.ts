// Is higher better? Strongest evidence first: a user's correction or a setting; what the workbook states (a
// polarity column, the measure's own words "(lower is better)", "Reduce …"); the polarity that makes the
// workbook's own RAG or judgement agree with its figures; the target's words ("Max. 2%", "18 days or less");
// the direction from baseline to final target; the measure's wording, phrase-aware, both ways; else the
// default setting. Disagreeing evidence is reported as a conflict. A measure of demand or volume ("(Demand)",
// "Number of referrals") that nothing states a better direction for has none: its movement is shown without
// improving/worsening, and it is rated only against a target that says which side meets it.
import type { Polarity, PolaritySource } from "../types";
import { polarityInMeasure, polarityInMeasureTarget, polarityInTarget, readPolarityCell } from "../stated/polarity";
import { replaceBracketed } from "../stated/brackets";

// Wording that tells, both ways. Weighted: "within 18 weeks" says more than the "wait" beside it; a phrase
// ("days taken to", "rent loss") says more than a word. Built from council, NHS and housing measure names; where
// each alternative is met (a corpus or fixture cell): polarityWordsMet.json (npm run words:met).
export const LOWER: [RegExp, number][] = [
  [/\bfall(?:ing|s)? below\b|\bbelow (?:the )?(?:standard|target|acceptable|expected)\b|\bfail(?:ed|ing|ures?)\b|\bunacceptable\b/, 3],
  [/\bwait(ing|s|ed)?\b/, 1],
  [/\boverdue\b/, 2],
  [/\babsen(t|ce|ces)\b/, 2],
  [/\bmissing\b/, 2],
  [/\bcomplaints?\b/, 2],
  [/\btribunals?\b/, 2],
  [/\bappeals?\b/, 1],
  [/\bexclu(sion|sions|ded)\b/, 2],
  [/\bsuspensions?\b/, 2],
  [/\bbacklog\b/, 2],
  [/\bneet\b/, 2],
  [/\bsickness\b|\bsick(?:ness)? days?\b|\bdays? lost\b|\bworking days lost\b/, 2],
  [/\bunemploy(ed|ment)\b|\bclaimants?\b|\bclaimant count\b/, 2],
  [/\bdelay(s|ed)?\b/, 1],
  [/\blate\b/, 1],
  [/\bbreach(es)?\b/, 2],
  [/\bre-?referrals?\b/, 1],
  [/\bre-?offend(ing)?\b/, 2],
  [/\bvacanc(y|ies)\b/, 1],
  [/\bturnover\b/, 1],
  [/\bout of (area|county|borough)\b/, 1],
  [/\bdeaths?\b|\bmortality\b|\bfatalit(y|ies)\b/, 2],
  [/\bincidents?\b/, 1],
  [/\berrors?\b/, 1],
  [/\bcost per\b|\bunit cost\b/, 1],
  [/\bescalat(ed|ions?)\b/, 1],
  [/\b(?:days?|weeks?|hours?|minutes?|time|months?)\s+(?:taken\s+)?to\s+(?:process|decide|determine|respond|repair|complete|re-?let|relet|assess|resolve|answer|deal|clear|fill|issue|pay)\b/, 3],
  [/\b(?:days?|time) taken\b|\bturnaround\b|\bre-?let (?:time|days)\b|\bvoid (?:period|time|days|turnaround)\b|\bresponse time\b|\blength of stay\b/, 3],
  [/\barrears\b|\bdebt\b|\bunpaid\b|\bwrit(?:e|ten)[- ]?offs?\b/, 2],
  [/\brent loss\b|\blost (?:income|rent)\b|\bloss of (?:income|rent)\b|\b(?:income|rent) lost\b/, 3],
  [/\bvoids?\b|\bempty (?:homes|properties|property|dwellings)\b|\bvacant\b/, 2],
  [/\binfections?\b|\bmrsa\b|\bc\.?\s?diff(icile)?\b|\be\.? ?coli\b|\bpressure (?:ulcers?|sores?)\b/, 2],
  [/\bfalls\b/, 2],
  [/\bmissed (?:bins?|collections?|appointments?)\b/, 3],
  [/\bfly[- ]?tip(ping|s)?\b|\blitter\b|\bgraffiti\b|\bdog fouling\b/, 2],
  [/\bcrimes?\b|\bburglar(y|ies)\b|\banti-?social\b|\basb\b|\bvictims?\b|\boffences?\b|\bdomestic abuse\b|\brobber(y|ies)\b|\bthefts?\b|\bcriminal damage\b/, 2],
  [/\bfires?\b|\binjur(y|ies|ed)\b|\bcasualt(y|ies)\b|\bksi\b/, 2],
  [/\bemergency admissions?\b|\bre-?admissions?\b|\bbed days\b|\bdelayed (?:transfers|discharges?)\b|\bcorridor care\b/, 2],
  [/\bcancell?ed\b|\bcancellations?\b|\bno[- ]shows?\b|\bdid not attend\b|\bdnas?\b/, 2],
  [/\bhomeless(ness)?\b(?! (?:prevent|relie))|\btemporary accommodation\b|\bbed and breakfast\b|\brough sleep(ers|ing)\b/, 2],
  [/\bdeficit\b|\boverspend\b|\bagency (?:staff|spend|costs?)\b/, 2],
  [/\bupheld\b|\bombudsman\b/, 1],
  [/\bobes(e|ity)\b|\bsmok(ers|ing)\b|\bovercrowd/, 2],
  [/\b(?:not|non|do not|does not|failing to|fail to)\s+(?:meet(?:ing)?|compliant|decent)\b|\bnon-?complian(t|ce)\b|\bnot meeting\b/, 4],
  [/\b(?:requests|referrals?) (?:resulting in|needing)\b/, 1],
  [/\b(?:in|receiving|in receipt of) (?:long-?term )?(?:care|residential|nursing)\b/, 1],
  [/\bconceptions?\b|\bteenage pregnanc/, 2],
];
export const HIGHER: [RegExp, number][] = [
  // "Two week wait", "62-day standard", "4 hour target": the share seen within the time (NHS constitutional standards).
  [/\b(?:\d+|one|two|three|four|six|eight|twelve|eighteen)[- ](?:day|week|hour|minute)s?\s+(?:wait|standard|target|pathway)\b/, 2],
  [/(?:%|percentage|per cent)\s+(?:reduction|decrease|fall|drop)\b|\b(?:reduction|decrease|fall|drop) (?:in|of)\b/, 4],
  [/\bcompleted?\b|\bcompletions?\b/, 2],
  [/\bwithin\b/, 2],
  [/\btimel(iness|y)\b/, 2],
  [/\bgood or outstanding\b|\boutstanding\b/, 2],
  [/\bsuccessful(ly)?\b|\bsuccess\b/, 2],
  [/\bcollected\b|\bcollection rate\b/, 2],
  [/\bprevent(ed|ion)\b|\brelief\b/, 2],
  [/\bsatisf(ied|action)\b/, 2],
  [/\bpositive(ly)?\b/, 1],
  [/\bconfiden(ce|t)\b/, 1],
  [/\bimprove(d|ment)?\b/, 1],
  [/\bachiev(ed|ing|ement)\b/, 1],
  [/\battendance\b/, 1],
  [/\bon time\b|\bin time\b|\bon schedule\b|\bscheduled day\b/, 2],
  [/\bup-?to-?date\b/, 2],
  [/\bprogress\b/, 1],
  [/\bat least good\b/, 2],
  [/\bengag(ed|ement)\b/, 1],
  [/\binvolved in\b|\bparticipa(nts?|tion|ting|ted)\b/, 1],
  [/\btake[- ]?up\b|\buptake\b/, 1],
  [/\bcoverage\b/, 1],
  [/\btrained\b|\bhaving completed training\b/, 1],
  [/\bfeel\b|\bbelieve\b|\brate the\b|\bagree(s|ment)?\b|\blistens\b|\btrust\b/, 1],
  [/\bemploy(ed|ment)\b(?! *unemploy)/, 1],
  [/\bindependen(t|ce|tly)\b/, 1],
  [/\bsubmission\b|\bsubmitted\b/, 1],
  [/\brecycl(ed|ing)\b|\bcompost(ed|ing)?\b|\breused?\b/, 2],
  [/\bpaid\b|\banswered\b|\bresolved\b|\bdelivered\b|\bhelped\b|\bcleared\b|\bremoved\b|\brepaired\b/, 2],
  [/\blife expectancy\b|\bhealthy\b|\bphysically active\b|\bwell-?being\b/, 2],
  [/\bvaccinat(ed|ion)\b|\bimmunis(ed|ation)\b|\bscreen(ed|ing)\b|\bhealth checks?\b/, 2],
  [/\bqualifications?\b|\bgood level of development\b|\bexpected standard\b|\bhigher standard\b|\bgreater depth\b|\bprogress 8\b|\battainment 8\b|\bgrade [4-9]\b/, 2],
  [/\bin (?:education|employment|training)\b|\bsustained\b|\bstaying in\b/, 1],
  [/\baccura(cy|te|tely)\b|\bavailab(ility|le)\b|\bcomplian(ce|t)\b|\bright first time\b|\bfirst (?:point of )?contact\b/, 2],
  [/\bvalid (?:gas|safety|landlord|electrical)\b|\bsafety (?:checks?|certificates?|records?)\b|\bgas safety\b|\bfire risk assessments?\b/, 2],
  [/\bwell maintained\b|\bsafe\b|\bclean\b/, 1],
  [/\bsurviv(al|ing)\b|\bbusiness (?:growth|start)/, 1],
  [/\bnew homes\b|\baffordable homes\b|\bhomes (?:built|delivered|completed)\b|\bhousing delivery\b/, 2],
  [/\bprocessed\b|\bdecided\b|\bdetermined\b/, 1],
  [/\bpay\b|\bearnings\b|\bincome\b(?! lost)/, 1],
];

// Demand and volume: how many came, asked, were open or were counted. The words alone say nothing about which
// way is better (more referrals may be better found need, or worse demand), so nothing is assumed.
export const VOLUME_TAG = /\b(?:demand|volume|activity|caseload|footfall)\b/;
export const VOLUME_COUNT = /^(?:the\s+)?(?:total\s+)?(?:number|no\.?|count|volume)\s+of\b|\b(?:total|overall) number of\b|\bhow many\b/;
// Plural: "referrals received" counts them; "18-week referral", "from referral to treatment" name a pathway.
export const VOLUME_NOUN = /\b(?:referrals|requests|notifications|applications|enquiries|contacts|calls|visits|visitors|new cases|cases (?:open|opened|received))\b/;
// A measure that opens with a share ("% of referrals …") is a rate of something, not a volume.
const SHARE = /^(?:%|percentage|per ?cent|proportion|rate|ratio)\b|^[^a-z]*%/;

/** The measure counts demand or volume ("(Demand)", "Number of …", "SEN support notifications"); the words found, else null. */
export function volumeWording(measure: string): string | null {
  const t = measure.toLowerCase().trim();
  const tag = VOLUME_TAG.exec(t);
  if (tag) return tag[0];
  const count = VOLUME_COUNT.exec(t);
  if (count) return count[0].trim();
  const noun = SHARE.test(t) ? null : VOLUME_NOUN.exec(t);
  return noun ? noun[0] : null;
}

/** Which side of its target a KPI with no better direction meets it on, and why. */
export interface NoBetterDirection {
  /** The side the targets imply (a target below the baseline: lower meets it); null when nothing says. */
  ratedAs: Polarity | null;
  reason: string;
}

export interface PolarityEvidence {
  /** A Polarity column's text, if the table has one. */
  stated: string | null;
  /** A setting or a user's correction for this KPI. */
  setting: Polarity | null;
  /** Numeric baseline and final target, for the direction between them. */
  baseline: number | null;
  finalTarget: number | null;
  /** Staged targets in time order (numbers only). */
  stagedTargets: number[];
  measure: string;
  defaultPolarity: Polarity;
  /** The target's own words ("Max. 2%"), when the target cell is text. */
  targetText?: string | null;
  /** The polarity that makes the workbook's stated RAG (or stated judgement) agree with its figures, if only one does. */
  fromStated?: { polarity: Polarity; how: string } | null;
  /** What a KPI measured the same way in the same table states ("(Demand)" twice, one with "Good is: Low"). */
  sibling?: { polarity: Polarity; how: string } | null;
}

export interface PolarityDecision {
  /** Null when the KPI has no better direction (see noBetterDirection). */
  polarity: Polarity | null;
  source: PolaritySource | "default";
  /** The side a RAG is rated on: the polarity, or for a KPI with no better direction the side its targets imply. */
  ratedAs: Polarity | null;
  /** Set when nothing states a better direction and the measure counts demand or volume, or the workbook states none. */
  noBetterDirection: NoBetterDirection | null;
  /** Plain-English account of where the polarity came from. */
  reason: string;
  /** Evidence that disagrees with the decision, in words, for a finding. */
  conflict: string | null;
  /** The stated text could not be read. */
  unreadableStated: boolean;
}

export function parseStatedPolarity(text: string): Polarity | null {
  const p = readPolarityCell(text);
  return p === "neutral" ? null : p;
}

const wordingMemo = new Map<string, { polarity: Polarity | null; words: string[]; strength: number }>();

/** What the measure's wording says about polarity, remembered by measure (tables repeat measures across periods). */
export function polarityFromWording(measure: string): { polarity: Polarity | null; words: string[]; strength: number } {
  let w = wordingMemo.get(measure);
  if (!w) {
    w = readWording(measure);
    if (wordingMemo.size > 20_000) wordingMemo.clear();
    wordingMemo.set(measure, w);
  }
  return { ...w, words: [...w.words] };
}

function readWording(measure: string): { polarity: Polarity | null; words: string[]; strength: number } {
  // Parenthetical asides ("(inclusive of completed cases)") say less than the measure itself.
  const main = replaceBracketed(measure.toLowerCase(), " ");
  const score = (list: [RegExp, number][], text: string) => {
    let s = 0;
    const words: string[] = [];
    for (const [re, w] of list) {
      const m = re.exec(text);
      if (m) {
        s += w;
        words.push(m[0]);
      }
    }
    return { s, words };
  };
  let lo = score(LOWER, main);
  let hi = score(HIGHER, main);
  if (lo.s === 0 && hi.s === 0) {
    const all = measure.toLowerCase();
    lo = score(LOWER, all);
    hi = score(HIGHER, all);
  }
  if (lo.s > hi.s) return { polarity: "lower-is-better", words: lo.words, strength: lo.s - hi.s };
  if (hi.s > lo.s) return { polarity: "higher-is-better", words: hi.words, strength: hi.s - lo.s };
  return { polarity: null, words: [...lo.words, ...hi.words], strength: 0 };
}

function fromTargets(e: PolarityEvidence): { polarity: Polarity | null; how: string } {
  if (e.baseline !== null && e.finalTarget !== null && e.baseline !== e.finalTarget) {
    return { polarity: e.finalTarget > e.baseline ? "higher-is-better" : "lower-is-better", how: "the final target is " + (e.finalTarget > e.baseline ? "above" : "below") + " the baseline" };
  }
  const s = e.stagedTargets;
  if (s.length >= 2 && s[0] !== s[s.length - 1]) {
    const up = s[s.length - 1] > s[0];
    return { polarity: up ? "higher-is-better" : "lower-is-better", how: `the staged targets ${up ? "rise" : "fall"} over time` };
  }
  return { polarity: null, how: "" };
}

const label = (p: Polarity) => (p === "higher-is-better" ? "higher is better" : "lower is better");

export function decidePolarity(e: PolarityEvidence): PolarityDecision {
  const statedCell = e.stated ? readPolarityCell(e.stated) : null;
  const stated = statedCell === "neutral" ? null : statedCell;
  const inMeasure = polarityInMeasure(e.measure);
  const inTarget = (e.targetText ? polarityInTarget(e.targetText) : null) ?? polarityInMeasureTarget(e.measure);
  const targets = fromTargets(e);
  // The measure's wording; where it says nothing, the words of a target written out ("18 minutes mean response time").
  const measureWording = polarityFromWording(e.measure);
  const wording = measureWording.polarity || !e.targetText || !/[a-z]{4,}/i.test(e.targetText) ? measureWording : polarityFromWording(e.targetText);
  const conflictWith = (p: Polarity): string | null => {
    const parts: string[] = [];
    if (stated && stated !== p) parts.push(`the workbook states ${label(stated)}`);
    if (inMeasure && inMeasure.polarity !== p) parts.push(`the measure says "${inMeasure.words}"`);
    if (e.fromStated && e.fromStated.polarity !== p) parts.push(`${e.fromStated.how} only if ${label(e.fromStated.polarity)}`);
    if (inTarget && inTarget.polarity !== p) parts.push(`the target says "${inTarget.words}" (${label(inTarget.polarity)})`);
    if (targets.polarity && targets.polarity !== p) parts.push(`${targets.how} (${label(targets.polarity)})`);
    if (e.sibling && e.sibling.polarity !== p) parts.push(e.sibling.how);
    if (wording.polarity && wording.polarity !== p) parts.push(`the wording ("${wording.words.join('", "')}") suggests ${label(wording.polarity)}`);
    return parts.length ? parts.join("; ") : null;
  };
  // A column that could not be read is a finding, but a stated "No polarity" is no evidence either way.
  const unreadableStated = !!e.stated && statedCell === null;
  const decide = (polarity: Polarity, source: PolarityDecision["source"], reason: string, weak = false): PolarityDecision => ({
    polarity,
    source,
    ratedAs: polarity,
    noBetterDirection: null,
    reason,
    // Weak evidence (wording) is not contradicted by even weaker evidence worth a finding.
    conflict: weak ? null : conflictWith(polarity),
    unreadableStated,
  });
  // No better direction: rated only against a target whose own words, or the move from baseline to target, say
  // which side meets it.
  const none = (source: PolarityDecision["source"], why: string): PolarityDecision => {
    const side = inTarget ? { polarity: inTarget.polarity, how: `the target says "${inTarget.words}"` } : targets.polarity ? { polarity: targets.polarity, how: targets.how } : null;
    // Which side of its target meets it, not which way is better: "met at or below its target".
    const meets = side ? `met at or ${side.polarity === "higher-is-better" ? "above" : "below"} its target` : "";
    const reason = side ? `${why}; it is rated as ${meets}, as ${side.how}` : why;
    return { polarity: null, source, ratedAs: side?.polarity ?? null, noBetterDirection: { ratedAs: side?.polarity ?? null, reason }, reason, conflict: null, unreadableStated };
  };
  if (e.setting) return decide(e.setting, "setting", `set to ${label(e.setting)} in the add-in's settings`);
  if (stated) return decide(stated, "stated", `the workbook states "${e.stated}"`);
  if (statedCell === "neutral") return none("stated", `the workbook states "${e.stated}": no better direction`);
  if (inMeasure) return decide(inMeasure.polarity, "stated", `the measure says "${inMeasure.words}"`);
  // The workbook's own RAG outranks wording, unless the wording is emphatic ("% of invoices paid within 30 days"):
  // then the stated RAG is more likely wrong than the polarity, and the disagreement is reported either way.
  const emphatic = wording.polarity && wording.strength >= 4 && e.fromStated && wording.polarity !== e.fromStated.polarity;
  if (e.fromStated && !emphatic) return decide(e.fromStated.polarity, "stated-rag", `${e.fromStated.how} only if ${label(e.fromStated.polarity)}`);
  // A target's words ("Less than 49,000") state the better direction even for a count; so does the workbook for a
  // KPI measured the same way.
  const volume = wording.polarity || inTarget || e.sibling ? null : volumeWording(e.measure);
  if (volume) return none("wording", `a measure of demand or volume ("${volume}") with no better direction stated`);
  if (inTarget) return decide(inTarget.polarity, "target-wording", `the target says "${inTarget.words}"`);
  if (targets.polarity) return decide(targets.polarity, "target-vs-baseline", targets.how);
  // Reached only when nothing of the KPI's own but its wording speaks: the wording does not contradict it.
  if (e.sibling) return decide(e.sibling.polarity, "stated", e.sibling.how, true);
  if (wording.polarity) return decide(wording.polarity, "wording", `the measure's wording ("${wording.words.join('", "')}")`, !emphatic);
  return decide(e.defaultPolarity, "default", `nothing in the workbook says, so the default (${label(e.defaultPolarity)}) was assumed`, true);
}
