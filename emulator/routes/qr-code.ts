import QRCode from "qrcode";
import type { EmulatorContext } from "../context";
import type { Route } from "../router";
import { buildPaymentRequestUrls } from "../views";
import { getPaymentRequestOrThrow } from "./payment-requests";

/** paymentRequestQrCodeUrl: Cloud serves a PNG that apps drop into an <img>, encoding the pay URL. */
export function buildQrCodeRoutes(context: EmulatorContext): Route[] {
  return [
    {
      method: "GET",
      path: "/api/paymentPreview/qr/:id",
      handle: async ({ params }) => {
        const record = getPaymentRequestOrThrow(context.store, params.id ?? "");
        const { paymentRequestUrl } = buildPaymentRequestUrls(context.getPublicUrl(), record.id);
        const png = await QRCode.toBuffer(paymentRequestUrl, { type: "png", margin: 2, width: 320, errorCorrectionLevel: "M" });
        return { status: 200, headers: { "content-type": "image/png", "cache-control": "no-store" }, body: png };
      },
    },
  ];
}
