import { Component, type ErrorInfo, type ReactNode } from "react";
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";

interface ErrorBoundaryState {
  readonly error: Error | null;
}

/** Shows a Vietnamese error message instead of a blank pane if rendering fails. */
export class ErrorBoundary extends Component<{ children: ReactNode }, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null };

  static getDerivedStateFromError(error: Error): ErrorBoundaryState {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error("Phụ lục NQ57: rendering failed", error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.error) {
      return (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Đã xảy ra lỗi.</MessageBarTitle>
            Ngăn Phụ lục NQ57 không hiển thị được. Hãy đóng và mở lại ngăn; nếu lỗi vẫn còn, báo cho cán bộ phụ trách
            kèm nội dung: {this.state.error.message}
          </MessageBarBody>
        </MessageBar>
      );
    }
    return this.props.children;
  }
}
