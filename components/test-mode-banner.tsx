import styles from "./test-mode-banner.module.css";

/** Tells the shopper that no real money moves: shown whenever the shop runs in test mode. */
export function TestModeBanner({ visible }: { visible: boolean }) {
  if (!visible) return null;

  return (
    <p role="status" className={styles.banner}>
      Test mode — local emulator, no real payments
    </p>
  );
}
