package io.github.pylonchat;

/**
 * What {@link PylonChatWidget} renders when nobody is logged in.
 */
public enum AnonymousVisitors {
  /** Render nothing (the default): the widget is only shown to identified users. */
  NOTHING,
  /** Render the widget with the app id only; visitors chat without an identity. */
  WIDGET
}
