import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { getTranslations } from "@/lib/i18n/server";
import { DateTime } from "@/app/_components/badges";
import { requirePageActor } from "@/app/_lib/page";
import { can } from "@/lib/auth/policy";
import { ROLES } from "@/lib/auth/roles";
import { listUsers } from "@/lib/users/users";
import { CreateUserForm } from "./_components/create-user-form";
import { UserActions } from "./_components/user-actions";
import { revokeAccessAction, updateUserAction } from "./actions";
import { ClientMessages } from "@/app/_components/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("title") };
}

export default async function AdminUsersPage() {
  const actor = await requirePageActor("/admin/users");
  if (!can(actor, "user.manage")) forbidden();
  const [users, t] = await Promise.all([listUsers({ actor }), getTranslations()]);
  return (
    <ClientMessages namespaces={["admin", "roles"]}>
      <h1>{t("admin.title")}</h1>
      <p className="lead">{t("admin.intro")}</p>
      <p><a href="/admin/backups" data-testid="backups-link">{t("transfer.backups.adminLink")}</a></p>
      <section className="panel">
        <h2>{t("admin.users")}</h2>
        <div className="table-wrap">
          <table className="table stack-narrow" data-testid="user-list">
            <thead>
              <tr>
                <th scope="col">{t("admin.name")}</th>
                <th scope="col">{t("admin.email")}</th>
                <th scope="col">{t("admin.role")}</th>
                <th scope="col">{t("admin.state")}</th>
                <th scope="col">{t("admin.created")}</th>
                <th scope="col">{t("common.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id} data-testid="user-row" data-email={u.email} className={u.disabled ? "row-disabled" : undefined}>
                  <th scope="row">
                    <bdi>{u.name}</bdi>
                  </th>
                  <td data-label={t("admin.email")}>
                    <bdi dir="ltr">{u.email}</bdi>
                  </td>
                  <td data-label={t("admin.role")}>{t(`roles.${u.role}`)}</td>
                  <td data-label={t("admin.state")}>
                    <span className={u.disabled ? "badge badge-disabled" : "badge badge-active"} data-testid="user-state">
                      {u.disabled ? t("admin.disabled") : t("admin.active")}
                    </span>
                  </td>
                  <td data-label={t("admin.created")}>
                    <DateTime value={u.createdAt} dateOnly />
                  </td>
                  <td>
                    <details className="manage">
                      <summary>{t("admin.manage")}</summary>
                      <UserActions
                        user={{ id: u.id, email: u.email, role: u.role, disabled: u.disabled }}
                        roles={ROLES}
                        update={
                          u.id === actor.id
                            ? null
                            : { role: updateUserAction.bind(null, u.id, "role"), disabled: updateUserAction.bind(null, u.id, "disabled"), password: updateUserAction.bind(null, u.id, "password") }
                        }
                        revoke={u.id === actor.id ? null : revokeAccessAction.bind(null, u.id)}
                      />
                    </details>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="panel">
        <h2>{t("admin.newUser")}</h2>
        <CreateUserForm roles={ROLES} />
      </section>
    </ClientMessages>
  );
}
