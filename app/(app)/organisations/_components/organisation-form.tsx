"use client";

import type { ComponentProps } from "react";
import { AliasedNameForm } from "@/app/(app)/_components/registry/aliased-name-form";

export function OrganisationForm(props: Omit<ComponentProps<typeof AliasedNameForm>, "kind">) {
  return <AliasedNameForm kind="organisations" {...props} />;
}
