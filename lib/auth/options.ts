import "server-only";
import type { NextAuthOptions } from "next-auth";
import { cookies } from "next/headers";
import CredentialsProvider from "next-auth/providers/credentials";
import { clientAddress } from "./client-address";
import { deviceCookieFromHeader, issueDeviceCookie } from "./device-cookie";
import { endSession, newSessionClaims } from "./sessions";
import { checkCredentials } from "./sign-in";

export const SESSION_MAX_AGE = 8 * 60 * 60;

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE },
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Casefile",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const result = await checkCredentials({
          email: credentials?.email,
          password: credentials?.password,
          address: clientAddress(req?.headers),
          // Honoured here as in the sign-in form's action, and issued here too (events.signIn).
          deviceCookie: deviceCookieFromHeader(req?.headers?.cookie),
        });
        if (!result.ok) {
          if (result.reason === "throttled") throw new Error("Throttled");
          return null;
        }
        return { id: result.user.id, email: result.user.email, name: result.user.name, sv: result.user.sessionVersion };
      },
    }),
  ],
  events: {
    // A sign-in through this endpoint gets the device cookie the sign-in form's action gives: set
    // in Next's cookie store, which Next adds to the route handler's answer beside next-auth's own.
    // Only after the session cookie is made (next-auth calls it last, on success only).
    async signIn({ user }) {
      if (user.email) issueDeviceCookie(await cookies(), user.email);
    },
    // next-auth's own sign-out endpoint (the settings page signs out through it after a password
    // change): the session is ended for any copy of its cookie, as the sign-out button's action does.
    async signOut({ token }) {
      await endSession(token, SESSION_MAX_AGE);
    },
  },
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = (user as { sv?: number }).sv;
        // The session's id and sign-in time, kept through renewals (lib/auth/sessions.ts).
        Object.assign(token, newSessionClaims());
      }
      return token;
    },
    async session({ session, token }) {
      return { ...session, uid: token.uid, sv: token.sv } as typeof session;
    },
  },
};
