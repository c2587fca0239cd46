import { getTranslations } from "@/lib/i18n/server";
import { signOutAction } from "@/app/signin/actions";

// A form posting a server action, so signing out works without JavaScript too (a shared or
// seized computer must not stay signed in because its browser runs no scripts).
export async function SignOutButton() {
  const t = await getTranslations("nav");
  return (
    <form action={signOutAction} className="sign-out-form">
      <button type="submit" className="button subtle" data-testid="sign-out">
        {t("signOut")}
      </button>
    </form>
  );
}
