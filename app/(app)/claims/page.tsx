import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "@/lib/i18n/server";
import { requirePageActor } from "@/app/_lib/page";
import { listClaimTopics } from "@/lib/claims";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("claims"))("title") };
}

export default async function ClaimTopicsPage() {
  const actor = await requirePageActor("/claims");
  const [topics, t, format] = await Promise.all([listClaimTopics({ actor }), getTranslations(), getFormatter()]);
  return (
    <>
      <h1>{t("claims.title")}</h1>
      <p className="lead">{t("claims.indexIntro")}</p>
      {topics.length === 0 ? (
        <p className="empty">{t("claims.none")}</p>
      ) : (
        <ul data-testid="claim-topic-list">
          {topics.map((x) => (
            <li key={x.topic}>
              <Link href={`/claims/${x.topic}`}>{t.has(`claims.topics.${x.topic}`) ? t(`claims.topics.${x.topic}`) : x.topic}</Link>{" "}
              <span className="muted">({t("claims.claimCount", { count: x.count })})</span> <code dir="ltr">{x.topic}</code>
              <span className="visually-hidden">{format.number(x.count)}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
