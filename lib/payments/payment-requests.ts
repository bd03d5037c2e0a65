import { z } from "zod";

export const finalizeSchema = z.strictObject({
  paymentIntentId: z
    .string({ error: "paymentIntentId must be a string." })
    .regex(/^pi_[A-Za-z0-9]{8,64}$/, "paymentIntentId must be a PaymentIntent id (pi_…)."),
});
