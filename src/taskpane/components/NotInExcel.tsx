import { Body1, MessageBar, MessageBarBody, MessageBarTitle, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { StartupState } from "../startup";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
  },
  heading: { margin: 0 },
  steps: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
});

export interface NotInExcelProps {
  readonly state: Extract<StartupState, { kind: "office-unavailable" | "not-in-office" | "other-host" }>;
}

function reason(state: NotInExcelProps["state"]): string {
  switch (state.kind) {
    case "office-unavailable":
      return "Không tải được thư viện Office.js của Microsoft: máy có thể đang mất kết nối mạng, hoặc trang đang được mở ngoài Excel.";
    case "not-in-office":
      return "Trang đang được mở trực tiếp trong trình duyệt, không phải trong Excel, nên chưa có sổ làm việc nào để dùng.";
    case "other-host":
      return `Phần bổ trợ này chỉ chạy trong Excel, nhưng đang được mở trong ${state.host}.`;
  }
}

/** Shown instead of the add-in when the page does not run inside Excel. */
export function NotInExcel({ state }: NotInExcelProps) {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Chưa mở trong Excel.</MessageBarTitle>
          Trang này cần được mở trong Excel dưới dạng phần bổ trợ (add-in). {reason(state)}
        </MessageBarBody>
      </MessageBar>
      <Subtitle2 as="h2" className={styles.heading}>Cách mở Phụ lục NQ57</Subtitle2>
      <ol className={styles.steps}>
        <li>
          <Body1>Mở Excel (trên máy tính hoặc Excel trên web) và mở sổ làm việc cần dùng.</Body1>
        </li>
        <li>
          <Body1>
            Nếu chưa cài phần bổ trợ: chọn Trang chủ → Phần bổ trợ → Thêm phần bổ trợ → Tải lên phần bổ trợ của tôi,
            rồi chọn tệp manifest.xml (hoặc nhờ cán bộ phụ trách công nghệ thông tin cài đặt).
          </Body1>
        </li>
        <li>
          <Body1>Trên thẻ Trang chủ, bấm nút “Phụ lục NQ57” để mở ngăn tác vụ.</Body1>
        </li>
      </ol>
      {state.kind === "office-unavailable" && (
        <Body1>Nếu đã mở trong Excel mà vẫn thấy thông báo này, hãy kiểm tra kết nối mạng rồi đóng và mở lại ngăn.</Body1>
      )}
    </main>
  );
}
