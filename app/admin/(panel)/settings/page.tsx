import type { Metadata } from "next";
import Link from "next/link";
import ui from "@/components/admin/admin-ui.module.css";
import { CopyButton } from "@/components/admin/copy-button";
import { OutcomeBadge } from "@/components/admin/status-badge";
import { TimeStamp } from "@/components/admin/time-stamp";
import { type CredentialState, getConfigurationStatus } from "@/server/admin/get-configuration-status";
import { checkDatabase } from "@/server/health/check-database";
import { requireAdminSession } from "@/server/admin/require-admin-session";
import { getLastWebhook } from "@/server/webhooks/get-last-webhook";

export const metadata: Metadata = { title: "Settings and health" };

function CredentialBadge({ state }: { state: CredentialState }) {
  const tone = state === "configured" ? ui.badgeGood : state === "missing" ? ui.badgeBad : ui.badgeWarn;
  return <span className={`${ui.badge} ${tone}`}>{state === "configured" ? "Configured" : state === "missing" ? "Missing" : "Development default"}</span>;
}

export default async function SettingsPage() {
  await requireAdminSession();
  const config = getConfigurationStatus();
  const [database, lastWebhook] = await Promise.all([checkDatabase(), getLastWebhook()]);

  return (
    <>
      <header className={ui.pageHeader}>
        <div>
          <h1 className={ui.pageTitle}>Settings and health</h1>
          <p className={ui.pageLead}>
            How this site is connected to HandCash, and whether it is working. Configuration comes from environment variables; secrets are never shown here.
          </p>
        </div>
      </header>

      <section className={ui.card} aria-labelledby="webhook-url-title">
        <h2 id="webhook-url-title" className={ui.sectionTitle}>
          Webhook URL
        </h2>
        <p className={ui.hint} style={{ marginBottom: "0.75rem" }}>
          Tollgate sends this URL with every payment request. If the HandCash dashboard asks for a webhook URL, paste exactly this:
        </p>
        <p>
          <code
            className={ui.mono}
            data-testid="webhook-url"
            style={{ fontSize: "1rem", background: "#f6f4ef", padding: "0.35rem 0.6rem", borderRadius: "6px" }}
          >
            {config.webhookUrl}
          </code>
        </p>
        <CopyButton value={config.webhookUrl} label="Copy webhook URL" />
        {!config.isSecureOrigin ? (
          <p className={ui.notice} style={{ marginTop: "1rem" }}>
            This URL is not https. HandCash Cloud can only reach a public https address; set APP_URL to yours before going live.
          </p>
        ) : null}
      </section>

      <div className={ui.cardGrid} style={{ gridTemplateColumns: "repeat(auto-fit, minmax(22rem, 1fr))" }}>
        <section className={ui.card} aria-labelledby="handcash-title" style={{ marginBottom: 0 }}>
          <h2 id="handcash-title" className={ui.sectionTitle}>
            HandCash
          </h2>
          <dl className={ui.dl}>
            <dt>Mode</dt>
            <dd>
              <span className={`${ui.badge} ${config.mode.isLive ? ui.badgeGood : ui.badgeWarn}`}>{config.mode.isLive ? "Live" : "Emulator / test"}</span>{" "}
              <span data-testid="handcash-mode">{config.mode.label}</span>
            </dd>
            <dt>App ID</dt>
            <dd>
              <CredentialBadge state={config.handcashAppId} />
            </dd>
            <dt>App secret</dt>
            <dd>
              <CredentialBadge state={config.handcashAppSecret} />
            </dd>
            <dt>Paid to</dt>
            <dd className={ui.mono}>{config.receiver}</dd>
            <dt>Site URL</dt>
            <dd className={ui.mono}>{config.appUrl}</dd>
          </dl>
        </section>

        <section className={ui.card} aria-labelledby="health-title" style={{ marginBottom: 0 }}>
          <h2 id="health-title" className={ui.sectionTitle}>
            Health
          </h2>
          <dl className={ui.dl}>
            <dt>Database</dt>
            <dd data-testid="database-status">
              {database.isReachable ? (
                <>
                  <span className={`${ui.badge} ${ui.badgeGood}`}>Reachable</span> SELECT 1 in {database.latencyMs} ms
                </>
              ) : (
                <>
                  <span className={`${ui.badge} ${ui.badgeBad}`}>Unreachable</span> {database.error}
                </>
              )}
            </dd>
            <dt>Last accepted webhook</dt>
            <dd>
              {lastWebhook.accepted ? (
                <>
                  <TimeStamp date={lastWebhook.accepted.receivedAt} /> <OutcomeBadge outcome={lastWebhook.accepted.outcome} />
                  {lastWebhook.accepted.orderId ? (
                    <>
                      {" "}
                      <Link href={`/admin/orders/${lastWebhook.accepted.orderId}`}>order</Link>
                    </>
                  ) : null}
                </>
              ) : (
                <span className={ui.muted}>None received yet</span>
              )}
            </dd>
            <dt>Last refused webhook</dt>
            <dd>
              {lastWebhook.rejected ? (
                <>
                  <TimeStamp date={lastWebhook.rejected.receivedAt} /> · {lastWebhook.rejected.httpStatus} {lastWebhook.rejected.reason}
                </>
              ) : (
                <span className={ui.muted}>None</span>
              )}
            </dd>
          </dl>
          <p className={ui.hint} style={{ marginTop: "0.75rem" }}>
            See every delivery on the <Link href="/admin/webhooks">Webhooks</Link> page.
          </p>
        </section>

        <section className={ui.card} aria-labelledby="owner-title" style={{ marginBottom: 0 }}>
          <h2 id="owner-title" className={ui.sectionTitle}>
            Owner sign-in
          </h2>
          <dl className={ui.dl}>
            <dt>Email</dt>
            <dd>{config.adminEmail}</dd>
            <dt>Password</dt>
            <dd>
              <CredentialBadge state={config.adminPassword} /> <span className={ui.muted}>from {config.adminPasswordSource}</span>
            </dd>
          </dl>
          <p className={ui.hint} style={{ marginTop: "0.75rem" }}>
            Change them with ADMIN_EMAIL and ADMIN_PASSWORD_HASH (<code>npm run admin:hash-password</code>), then restart. Sessions last at most 12 hours.
          </p>
        </section>
      </div>
    </>
  );
}
