"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "@/lib/i18n/use-translations";

export function SignOutButton() {
  const t = useTranslations("nav");
  return (
    <button type="button" className="button subtle" onClick={() => void signOut({ callbackUrl: "/signin" })} data-testid="sign-out">
      {t("signOut")}
    </button>
  );
}
