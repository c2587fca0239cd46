import type { AllegationType, LinkRole } from "@/lib/links/schemas";

// Sample witnesses and statements for the demo. EVERY ONE IS FICTIONAL: invented for
// demonstrating the software, about no real person, and marked fictional in the data and
// on screen. They mention public facts (places, dates, and officials as the public record names
// them) only as a realistic setting, and are linked to those records so that the demo's person,
// event and proceeding pages and its graph show how testimony is cited and corroborated.
export const FICTIONAL_NOTE = "Fictional sample for demonstration. Not a real witness or testimony.";

/**
 * A pinpoint link from a sample statement to what the public record names: `quote` is words of
 * the statement's text (found there exactly once), `person` a public-record person's key, and
 * `event`, `place` and `proceeding` a public-record event's title, place's name and proceeding's
 * title. The witness only reports what others said of the person (NAMED_BY_OTHERS), and the
 * allegation stays within what the public record says of them.
 */
export type SampleLink = {
  quote: string;
  person: string;
  role: LinkRole;
  allegationType: AllegationType;
  event?: string;
  place?: string;
  proceeding?: string;
};

/**
 * Where a sample stands in the review workflow once the demo is loaded, reached through the
 * workflow itself (the demo researcher submits, the demo reviewer takes and decides), so the
 * queue, the statement's history, its notices and the audit log agree. A comment's `quote` is
 * words of the statement's text, found there exactly once; `grade` is the Admiralty grading.
 */
export type SampleReview =
  | { state: "SUBMITTED" }
  | { state: "CHANGES_REQUESTED"; comment: { text: string; quote?: string } }
  | { state: "VERIFIED"; grade: { sourceReliability: "A" | "B" | "C" | "D" | "E" | "F"; credibility: 1 | 2 | 3 | 4 | 5 | 6 }; comment?: { text: string; quote?: string } };

export type SampleStatement = {
  witness: number; // index into SAMPLE_WITNESSES
  title: string;
  language: "fa" | "en";
  interviewDate: string;
  /** The time the testimony is about, as a researcher types it (either calendar). */
  periodCovered: string;
  summary: string;
  originalText: string;
  links: SampleLink[];
  review?: SampleReview; // none: left a draft
};

/**
 * The note on every sample link, in the statement's language (a link has one note, shown as one
 * paragraph): the testimony is invented, the records it points at are not.
 */
export const FICTIONAL_LINK_NOTE: Record<SampleStatement["language"], string> = {
  en: "Fictional sample link for demonstration: the statement is invented; the person, event, place and proceeding are the public record's.",
  fa: "پیوند نمونهٔ ساختگی برای نمایش: شهادت ساختگی است؛ شخص، رویداد، مکان و دادرسی از اسناد عمومی‌اند.",
};

// Identities are invented and say so; consents vary so the demo shows legal views and reveals.
export const SAMPLE_WITNESSES = [
  {
    protectionLevel: "CONFIDENTIAL",
    notes: FICTIONAL_NOTE,
    identity: { legalName: "شاهد ساختگی یکم (Fictional Witness One)", birthDate: "1340", currentLocation: "Fictional town" },
    consents: [
      { scope: "INTERNAL_RESEARCH", givenAt: "2023-06-05", method: "WRITTEN" },
      { scope: "LEGAL_SHARING", givenAt: "2023-06-05", method: "WRITTEN" },
    ],
  },
  {
    protectionLevel: "STANDARD",
    notes: FICTIONAL_NOTE,
    identity: { legalName: "Fictional Relative Two", contact: "fictional.relative@example.org" },
    consents: [{ scope: "INTERNAL_RESEARCH", givenAt: "2023-11-04", method: "ORAL_RECORDED" }],
  },
  {
    protectionLevel: "PROTECTED",
    notes: FICTIONAL_NOTE,
    identity: { legalName: "شاهد ساختگی سوم (Fictional Survivor Three)", relativesAtRisk: "Fictional: two siblings" },
    consents: [
      { scope: "INTERNAL_RESEARCH", givenAt: "2022-08-01", method: "ORAL_WITNESSED" },
      { scope: "LEGAL_SHARING", givenAt: "2022-08-01", method: "ORAL_WITNESSED" },
    ],
  },
];

export const SAMPLE_STATEMENTS: SampleStatement[] = [
  {
    witness: 0,
    title: "نمونهٔ ساختگی — روزهای بسته شدن ملاقات‌ها در گوهردشت",
    language: "fa",
    interviewDate: "۱۴۰۲/۰۳/۱۵",
    periodCovered: "تابستان ۱۳۶۷",
    summary: "نمونهٔ ساختگی: شاهد خیالی از قطع ملاقات‌ها و سکوت بندها در تابستان ۱۳۶۷ می‌گوید.",
    originalText:
      "این متن ساختگی است و فقط برای نمایش نرم‌افزار نوشته شده است.\n\n" +
      "در مرداد ۱۳۶۷ ملاقات‌ها ناگهان قطع شد. تلویزیون بند را بردند و روزنامه دیگر نمی‌آمد. " +
      "ما از پنجره می‌دیدیم که زندانیان را با چشم‌بند در راهرو به صف می‌کنند. " +
      "یکی از نگهبانان گفت «هیئت آمده است» و دیگر چیزی نگفت. " +
      "چند روز بعد بند ما تقریباً خالی شده بود. " +
      "بعدها هم‌بندی‌ها گفتند در آن هیئت نیری حکم می‌داد و کسی که اسم‌ها را در راهروی گوهردشت می‌خواند حمید عباسی بود.",
    links: [
      { quote: "در آن هیئت نیری حکم می‌داد", person: "nayyeri", role: "NAMED_BY_OTHERS", allegationType: "PERSECUTION", event: "Tehran commission questions MEK prisoners", place: "Gohardasht Prison" },
      {
        quote: "کسی که اسم‌ها را در راهروی گوهردشت می‌خواند حمید عباسی بود",
        person: "nouri",
        role: "NAMED_BY_OTHERS",
        allegationType: "KILLING",
        event: "Tehran commission questions MEK prisoners",
        place: "Gohardasht Prison",
        proceeding: "Prosecution of Hamid Nouri (Sweden)",
      },
    ],
    // Verified, so the demo's legal team (the witness consents to legal sharing) finds a verified
    // statement naming the defendant when it builds the Nouri dossier.
    review: {
      state: "VERIFIED",
      grade: { sourceReliability: "C", credibility: 3 },
      comment: {
        text: "بازبینی نمونهٔ ساختگی: همهٔ بررسی‌ها انجام شد. شاهد نام‌ها را از هم‌بندی‌هایش شنیده است، پس اعتبار تا وقتی شاهد دیگری آن را تأیید کند ۳ (احتمالاً درست) می‌ماند.",
        quote: "بعدها هم‌بندی‌ها گفتند",
      },
    },
  },
  {
    witness: 1,
    title: "Fictional sample — a relative's search for news at Evin",
    language: "en",
    interviewDate: "2023-11-04",
    periodCovered: "autumn 1988",
    summary: "Fictional sample: an invented relative describes waiting outside Evin Prison in autumn 1988.",
    originalText:
      "This text is fictional and was written only to demonstrate the software.\n\n" +
      "In the autumn of 1988 we went to the gate of Evin every week. For months nobody would tell us anything. " +
      "Then one day an official called out names and handed some families a small bag of belongings. " +
      "He said it was the Imam's order and that we must not hold a funeral. We were never told where my brother was buried.",
    links: [{ quote: "it was the Imam's order", person: "khomeini", role: "NAMED_BY_OTHERS", allegationType: "KILLING", event: "Khomeini's secret order to execute steadfast prisoners", place: "Evin Prison" }],
    // Waiting in the review queue, not yet taken: the demo reviewer has something to take.
    review: { state: "SUBMITTED" },
  },
  {
    witness: 2,
    title: "نمونهٔ ساختگی — پرسش‌های «هیئت» دربارهٔ نماز و مصاحبه",
    language: "fa",
    interviewDate: "مرداد ۱۴۰۱",
    periodCovered: "مرداد ۱۳۶۷",
    summary: "نمونهٔ ساختگی: بازماندهٔ خیالی پرسش‌هایی را که از او شد بازگو می‌کند.",
    originalText:
      "این متن ساختگی است و فقط برای نمایش نرم‌افزار نوشته شده است.\n\n" +
      "در اوین مرا با چشم‌بند به اتاقی بردند. کسی پرسید: «اتهامت چیست؟» گفتم هوادار بودم. " +
      "پرسیدند آیا حاضرم مصاحبهٔ تلویزیونی بکنم و آیا نماز می‌خوانم. " +
      "Someone in the room wrote down my answers in English letters, I could see the page for a moment. " +
      "بعد مرا به راهروی دیگری فرستادند. بعدها در بند شنیدم آن که پرسش می‌کرد نیری بود.",
    links: [{ quote: "آن که پرسش می‌کرد نیری بود", person: "nayyeri", role: "NAMED_BY_OTHERS", allegationType: "PERSECUTION", event: "Tehran commission questions MEK prisoners", place: "Evin Prison" }],
    // Sent back to its author with a comment, ungraded: the reviewer asks about the one English sentence.
    review: {
      state: "CHANGES_REQUESTED",
      comment: {
        text: "بازبینی نمونهٔ ساختگی: این جمله به انگلیسی آمده است. آیا شاهد آن را به انگلیسی گفته یا هنگام نوشتن ترجمه شده است؟ لطفاً در متن یا در ترجمه‌ها روشن کنید.",
        quote: "Someone in the room wrote down my answers in English letters, I could see the page for a moment.",
      },
    },
  },
];
