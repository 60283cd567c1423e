"""The sign-in kiosk: a full-screen window for scanning volunteer cards (USB scanner or webcam)."""
