import type { Metadata } from "next";
import { getTranslations } from "@/lib/i18n/server";
import { DateTime } from "@/app/_components/badges";
import { requirePageActor } from "@/app/_lib/page";
import { listTokens } from "@/lib/auth/tokens";
import { ChangePasswordForm } from "./_components/change-password-form";
import { CreateTokenForm, RevokeTokenButton } from "./_components/tokens";
import { revokeTokenAction } from "./actions";
import { ClientMessages } from "@/app/_components/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings"))("title") };
}

export default async function SettingsPage() {
  const actor = await requirePageActor("/settings");
  const [tokens, t] = await Promise.all([listTokens({ actor }), getTranslations()]);
  return (
    <ClientMessages namespaces={["settings"]}>
      <h1>{t("settings.title")}</h1>
      <dl className="facts">
        <div>
          <dt>{t("admin.name")}</dt>
          <dd dir="auto">{actor.name}</dd>
        </div>
        <div>
          <dt>{t("admin.email")}</dt>
          <dd dir="ltr">{actor.email}</dd>
        </div>
        <div>
          <dt>{t("admin.role")}</dt>
          <dd>{t(`roles.${actor.role}`)}</dd>
        </div>
      </dl>

      <section className="panel" aria-labelledby="password-heading">
        <h2 id="password-heading">{t("settings.passwordHeading")}</h2>
        <p className="muted">{t("settings.passwordIntro")}</p>
        <ChangePasswordForm />
      </section>

      <section className="panel" aria-labelledby="tokens-heading">
        <h2 id="tokens-heading">{t("settings.tokensHeading")}</h2>
        <p className="muted">{t("settings.tokensIntro")}</p>
        <CreateTokenForm />
        {tokens.length === 0 ? (
          <p className="empty">{t("settings.noTokens")}</p>
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="token-list">
              <thead>
                <tr>
                  <th scope="col">{t("settings.tokenName")}</th>
                  <th scope="col">{t("settings.prefix")}</th>
                  <th scope="col">{t("settings.createdAt")}</th>
                  <th scope="col">{t("settings.lastUsed")}</th>
                  <th scope="col">{t("admin.state")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("common.actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((tok) => (
                  <tr key={tok.id} data-testid="token-row" className={tok.revokedAt ? "row-disabled" : undefined}>
                    <th scope="row">
                      <bdi>{tok.name}</bdi>
                    </th>
                    <td>
                      <code dir="ltr">{tok.prefix}</code>
                    </td>
                    <td>
                      <DateTime value={tok.createdAt} />
                    </td>
                    <td>{tok.lastUsedAt ? <DateTime value={tok.lastUsedAt} /> : t("settings.never")}</td>
                    <td>
                      {tok.revokedAt ? (
                        <span className="badge badge-disabled">{t("settings.revoked")}</span>
                      ) : (
                        <span className="badge badge-active">{t("admin.active")}</span>
                      )}
                    </td>
                    <td>{!tok.revokedAt && <RevokeTokenButton revoke={revokeTokenAction.bind(null, tok.id)} name={tok.name} />}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </ClientMessages>
  );
}
