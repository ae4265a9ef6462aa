// A KPI's direction of travel: latest against previous, judged by its polarity; the arrow or word the
// workbook states is kept beside it, and where it contradicts the figures a finding says so.
import type { Direction, Dot, Judgement, Polarity } from "../types";
import type { Settings } from "../settings";
import type { FindingCode } from "../validate/codes";
import type { CellRef } from "../recognise/drafts";
import { computeDot, judge } from "./dot";
import type { Parsed } from "./kpiCells";
import type { StatedAboutKpi } from "./stated";
import { polarityWords } from "./stated";

type Add = (code: FindingCode, message: string, cell?: CellRef | null) => void;

export function directionOfTravel(
  name: string,
  add: Add,
  ctx: { previous: Parsed | null; latest: Parsed | null; polarity: Polarity | null; settings: Settings; stated: StatedAboutKpi; trendAsJudgement: boolean; dotCell: CellRef | null },
): Dot {
  const { previous, latest, polarity } = ctx;
  const dot = computeDot(previous?.p.value ?? null, latest?.p.value ?? null, polarity, ctx.settings.noChangeBand);
  const said = ctx.stated.trend;
  // A table whose arrows mean better and worse states judgements, not directions.
  const stated = said && ctx.trendAsJudgement && said.direction ? { direction: null, judgement: judgementOf(said.direction) } : said;
  if (!stated) return dot;
  const statedDirection = stated.direction ?? null;
  const statedJudgement = stated.judgement ?? (statedDirection ? judge(statedDirection, polarity) : null);
  dot.stated = statedDirection;
  if (stated.judgement) dot.statedJudgement = stated.judgement;
  const text = ctx.stated.trendText;
  // A trend stated over a span of periods is not checked against the last step.
  if (ctx.stated.overSpan) return dot;
  if (
    dot.direction &&
    statedDirection &&
    statedDirection !== dot.direction &&
    !(statedDirection === "flat" && Math.abs((latest!.p.value ?? 0) - (previous!.p.value ?? 0)) <= Math.abs(previous!.p.value ?? 0) * 0.05)
  ) {
    add(
      "stated-dot-contradicts-data",
      `${name}: the workbook states ${text} (${statedDirection}) but the figures go ${dot.direction}, from ${previous!.fig.text} to ${latest!.fig.text}.`,
      ctx.dotCell,
    );
  } else if (dot.judgement && statedJudgement && !statedDirection && statedJudgement !== dot.judgement) {
    add(
      "stated-dot-contradicts-data",
      `${name}: the workbook states "${text}" but the figures are ${dot.judgement} (${previous!.fig.text} to ${latest!.fig.text}, ${polarityWords(polarity)}).`,
      ctx.dotCell,
    );
  }
  return dot;
}

function judgementOf(direction: Direction): Judgement {
  return direction === "up" ? "improving" : direction === "down" ? "worsening" : "no-change";
}
