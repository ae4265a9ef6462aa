// A date in the Settings form: Fluent's DatePicker, typed or picked from its calendar. The form keeps
// the date as YYYY-MM-DD text ("" for none). Typed dates may be 2024-03-31 or, as written in the UK,
// 31/03/2024; an impossible date (30 February) is refused in words.
import { useRef, useState } from "react";
import { Field } from "@fluentui/react-components";
import { DatePicker } from "@fluentui/react-datepicker-compat";
import { isIsoDate } from "../settingsForm";

const pad = (n: number) => String(n).padStart(2, "0");

/** A local calendar date as YYYY-MM-DD (the date the user picked, whatever the time zone). */
export function isoOfDate(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** YYYY-MM-DD as a local Date at noon (no time zone can move it to another day). */
export function dateOfIso(iso: string): Date | null {
  if (!isIsoDate(iso)) return null;
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(y, m - 1, d, 12);
}

/** What a person types: 2024-03-31, 31/03/2024, 31.03.2024 or 31-03-2024; null when it is no real date. */
export function parseTypedDate(text: string): Date | null {
  const t = text.trim();
  if (isIsoDate(t)) return dateOfIso(t);
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (!m) return null;
  return dateOfIso(`${m[3]}-${pad(Number(m[2]))}-${pad(Number(m[1]))}`);
}

export interface DateFieldProps {
  label: string;
  hint: string;
  /** YYYY-MM-DD, or "" for none. */
  value: string;
  onChange: (iso: string) => void;
  /** A message from the form's own checks. */
  error?: string;
  /** Where the calendar opens when no date is set (YYYY-MM-DD): the date the scan used. */
  openAt?: string;
}

export function DateField({ label, hint, value, onChange, error, openAt }: DateFieldProps) {
  const [typedWrong, setTypedWrong] = useState(false);
  // The text last typed: when it is no date, the form holds it (and refuses to save) rather than the
  // date the picker falls back to.
  const typed = useRef("");
  const message = error ?? (typedWrong ? "Write a real date, such as 2024-03-31 or 31/03/2024, or pick one from the calendar (the button at the end)." : undefined);
  return (
    <Field label={label} hint={hint} validationMessage={message} validationState={message ? "error" : "none"}>
      <DatePicker
        allowTextInput
        // Typing is not interrupted by the calendar: it opens from its button, the Down arrow or Enter.
        openOnClick={false}
        disableAutoFocus
        showMonthPickerAsOverlay
        value={dateOfIso(value)}
        initialPickerDate={openAt ? (dateOfIso(openAt) ?? undefined) : undefined}
        // Weeks start on Monday, as in the UK (DayOfWeek.Monday).
        firstDayOfWeek={1}
        formatDate={(d) => (d ? isoOfDate(d) : "")}
        parseDateFromString={(text) => {
          typed.current = text;
          return parseTypedDate(text);
        }}
        placeholder="YYYY-MM-DD or DD/MM/YYYY"
        onSelectDate={(d) => {
          setTypedWrong(false);
          onChange(d ? isoOfDate(d) : "");
        }}
        onValidationResult={(r) => {
          const wrong = r.error === "invalid-input";
          setTypedWrong(wrong);
          if (wrong) onChange(typed.current);
        }}
      />
    </Field>
  );
}
