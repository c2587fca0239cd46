import Link from "next/link";
import { getFormatter, getTranslations } from "@/lib/i18n/server";
import { CalendarProvider } from "@/app/_components/calendar-context";
import { CalendarSwitcher } from "@/app/_components/calendar-switcher";
import { getCalendar } from "@/app/_lib/calendar";
import { LanguageSwitcher } from "@/app/_components/language-switcher";
import { can } from "@/lib/auth/policy";
import { getActor } from "@/lib/auth/session";
import { FocusKeeper } from "@/app/_components/focus-keeper";
import { NavLinks } from "./_components/nav-links";
import { countUnreadNotifications } from "@/lib/review/review-view";
import { NavFoldCloser } from "./_components/nav-fold-closer";
import { NotificationBell } from "./_components/notification-bell";
import bell from "./_components/notification-bell.module.css";
import { SignOutButton } from "./_components/sign-out-button";

// Every page below checks the actor itself and sends a signed-out visitor to /signin with a
// way back (a layout does not know the path, and is not re-run on every client navigation);
// the lib operations refuse regardless. Signed out, this layout shows nothing of its own.
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await getActor();
  if (!actor) return <main id="main">{children}</main>;
  const [t, calendar, format, unread] = await Promise.all([getTranslations(), getCalendar(), getFormatter(), countUnreadNotifications({ actor })]);
  const items = [
    { href: "/", label: t("nav.dashboard") },
    { href: "/witnesses", label: t("nav.witnesses") },
    { href: "/statements", label: t("nav.statements") },
    { href: "/search", label: t("nav.search") },
    // The registries of the accountability graph: who, what, where, and before which court.
    { href: "/persons", label: t("nav.persons") },
    { href: "/organisations", label: t("nav.organisations") },
    { href: "/places", label: t("nav.places") },
    { href: "/events", label: t("nav.events") },
    { href: "/proceedings", label: t("nav.proceedings") },
    ...(actor.role === "REVIEWER" || actor.role === "ADMIN" ? [{ href: "/review", label: t("nav.review") }] : []),
    { href: "/sources", label: t("nav.sources") },
    { href: "/graph", label: t("nav.graph") },
    { href: "/dossiers", label: t("nav.dossiers") },
    { href: "/transfer", label: t("nav.transfer") },
    { href: "/audit", label: t("nav.audit") },
    ...(can(actor, "user.manage") ? [{ href: "/admin/users", label: t("nav.admin") }] : []),
    { href: "/settings", label: t("nav.settings") },
  ];
  return (
    <>
      <a href="#main" className="skip-link">
        {t("app.skipToContent")}
      </a>
      <header className="site-header">
        <div className="header-inner">
          <Link href="/" className="brand">
            {t("app.name")}
          </Link>
          {/* On a phone the navigation and the tools fold behind a "Menu" button (a plain
              <details>, so it works without scripts and from the keyboard); on a wider screen
              the button is hidden and everything shows in the header as before (globals.css). */}
          <details className="nav-fold" data-testid="nav-fold">
            <summary className="nav-fold-toggle" data-testid="nav-toggle">
              <span className="nav-fold-icon" aria-hidden="true" />
              {t("nav.menu")}
              {/* The bell is inside the menu: its count shows on the button, so a phone shows new notices too. */}
              {unread > 0 && (
                <>
                  <span className={bell.count} aria-hidden="true" data-testid="nav-unread">
                    {format.number(unread)}
                  </span>
                  <span className="visually-hidden">{t("notifications.bellLabel", { count: unread })}</span>
                </>
              )}
            </summary>
            <nav aria-label={t("nav.label")} className="main-nav">
              <NavLinks items={items} />
            </nav>
            <div className="header-tools">
              <span className="whoami" data-testid="current-user">
                <bdi>{actor.name}</bdi>
                <span className="role-tag">{t(`roles.${actor.role}`)}</span>
              </span>
              <NotificationBell count={unread} />
              <LanguageSwitcher />
              <CalendarSwitcher />
              <SignOutButton />
            </div>
          </details>
        </div>
      </header>
      <main id="main" className="content" tabIndex={-1}>
        <CalendarProvider calendar={calendar}>{children}</CalendarProvider>
      </main>
      <FocusKeeper />
      <NavFoldCloser />
    </>
  );
}
