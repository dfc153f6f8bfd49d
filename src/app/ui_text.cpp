#include "ui_text.hpp"

namespace shisaku::app::ui {

const UiText kAppName{"施策ナビ", "shisaku-navi"};
const UiText kTagline{"地域活性化の支援施策を、いくつかの質問で探せます", "Find regional revitalisation support in a few questions"};
const UiText kIntro{"国の地域活性化支援施策（交付金・補助金・特別交付税措置・融資・税制・アドバイザー等）から、あなたが使えるものを探します。"
                    "質問に答えるごとに、該当する施策と支援額の目安が絞り込まれます。各数値には出典（資料・行・年度）を示します。",
                    "Searches national regional-revitalisation programmes (grants, subsidies, allocation tax, loans, tax credits, advisers …) "
                    "for the ones you can use. Each answer narrows the list and the estimated support; every figure shows its source "
                    "(document, lines, fiscal year)."};
const UiText kWhoFor{"自治体職員、企業・NPO、大学、地域おこし協力隊を目指す方など、どなたでも。",
                     "For local government staff, companies and NPOs, universities, and individuals."};
const UiText kPrivacy{"回答は端末の中だけで処理され、送信されません。", "Your answers stay on this device; nothing is sent."};
const UiText kStart{"始める", "Start"};
const UiText kBrowseCatalog{"すべての施策を見る", "Browse all programmes"};
const UiText kResume{"続きから", "Continue"};
const UiText kLanguage{"English", "日本語"};
const UiText kBack{"戻る", "Back"};
const UiText kNext{"次へ", "Next"};
const UiText kSkip{"わからない", "Don't know"};
const UiText kSkipHelp{"わからない場合は未回答のまま進みます（該当するかは「要確認」になります）。",
                       "Leaves the question unanswered (programmes that depend on it stay \"needs answers\")."};
const UiText kHelp{"用語の説明", "What this means"};
const UiText kYes{"はい", "Yes"};
const UiText kNo{"いいえ", "No"};
const UiText kConfirm{"決定", "OK"};
const UiText kProgress{"回答済み", "answered"};
const UiText kLiveEligible{"該当", "Eligible"};
const UiText kLiveUnknown{"要確認", "Needs answers"};
const UiText kResults{"結果", "Results"};
const UiText kEligible{"該当する施策", "Eligible"};
const UiText kUnknown{"要確認（回答が必要）", "Needs answers"};
const UiText kIneligible{"該当しない施策", "Not eligible"};
const UiText kShowIneligible{"該当しない施策を表示", "Show programmes that do not apply"};
const UiText kSortByAmount{"金額順", "By amount"};
const UiText kSortDefault{"おすすめ順", "Suggested order"};
const UiText kNoEstimate{"金額の定めなし", "No amount"};
const UiText kSettle{"確定に必要な質問", "Questions that would settle it"};
const UiText kDetail{"詳細", "Details"};
const UiText kSummary{"概要", "Summary"};
const UiText kSupports{"支援の対象", "What it supports"};
const UiText kConditions{"条件", "Conditions"};
const UiText kMet{"満たす", "met"};
const UiText kNotMet{"満たさない", "not met"};
const UiText kUnanswered{"未回答", "unanswered"};
const UiText kEstimate{"支援額の目安", "Estimated support"};
const UiText kBreakdown{"内訳", "Breakdown"};
const UiText kFiscalYear{"年度", "fiscal year"};
const UiText kRecipient{"受け取る主体", "Received by"};
const UiText kMeaning{"この数値は", "This figure is"};
const UiText kContacts{"問合せ先", "Contacts"};
const UiText kPhone{"電話", "Phone"};
const UiText kOpenSite{"ウェブサイトを開く", "Open website"};
const UiText kSources{"出典", "Sources"};
const UiText kCaveats{"注意事項", "Caveats"};
const UiText kSchedule{"公募・要望調査の時期", "Application schedule"};
const UiText kBudget{"予算", "Budget"};
const UiText kRecap{"回答の一覧", "Your answers"};
const UiText kEdit{"変更", "Change"};
const UiText kRestart{"最初からやり直す", "Start over"};
const UiText kRecapEmpty{"まだ回答がありません。", "No answers yet."};
const UiText kCatalog{"施策の一覧", "All programmes"};
const UiText kFilterTheme{"分野", "Theme"};
const UiText kFilterMinistry{"府省庁", "Ministry"};
const UiText kFilterApplicant{"対象", "Who applies"};
const UiText kAll{"すべて", "All"};
const UiText kSearch{"検索", "Search"};
const UiText kProgramsShown{"件を表示", "shown"};
const UiText kShare{"共有・保存", "Share and save"};
const UiText kCopyLink{"リンクをコピー", "Copy link"};
const UiText kCopied{"コピーしました", "Copied"};
const UiText kQrHint{"スマートフォンで読み取ると、この回答と結果を開けます。", "Scan with a phone to open these answers and results."};
const UiText kExportText{"テキストで保存", "Save as text"};
const UiText kExportCsv{"CSVで保存", "Save as CSV"};
const UiText kPrint{"印刷用ページ", "Printable page"};
const UiText kLinkRefused{"このリンクは読み込めませんでした。", "This link could not be opened."};
const UiText kLinkOutdated{"このリンクは以前の版のルールで作られたため、回答を復元できません。最初から回答してください。",
                           "This link was made with an earlier version of the rules, so its answers cannot be restored. Please answer again."};
const UiText kLinkCorrupted{"リンクが壊れているか、書き換えられています。最初から回答できます。", " The link is damaged or was changed; you can answer from the start."};
const UiText kDismiss{"閉じる", "Close"};
const UiText kFontSmaller{"A−", "A−"};
const UiText kFontLarger{"A＋", "A+"};
const UiText kContrast{"コントラスト", "Contrast"};
const UiText kStatusEligible{"該当", "Eligible"};
const UiText kStatusUnknown{"要確認", "Needs answers"};
const UiText kStatusIneligible{"対象外", "Not eligible"};
const UiText kNumberUnit{"単位", "unit"};
const UiText kEnter{"入力", "Enter"};
const UiText kTakeResults{"結果を持ち帰る", "Take my results"};
const UiText kIdleWarning{"操作がないため、まもなく最初の画面に戻ります。回答は消去されます。",
                          "No activity: returning to the start soon. Your answers will be cleared."};
const UiText kIdleContinue{"続ける", "Continue"};
const UiText kScanToOpen{"スマートフォンで読み取って開く", "Scan with your phone to open"};
const UiText kNeedsAnswers{"件は回答が必要", "need answers"};
const UiText kAmountOf{"支援額", "Amount"};
const UiText kHistory{"過去の値", "Earlier values"};
const UiText kQuestionsToSettle{"この質問に答えると確定します", "Answering this would settle it"};
const UiText kNoMoreQuestions{"これ以上の質問はありません。", "No more questions."};
const UiText kSeeResults{"結果を見る", "See results"};
const UiText kAnswerNow{"答える", "Answer"};
const UiText kPer{"単位", "per"};
const UiText kNote{"注", "Note"};
const UiText kLoadingError{"ルールを読み込めませんでした", "The rules could not be loaded"};
const UiText kLoadingRules{"施策のルールを読み込んでいます…", "Loading the programmes’ rules…"};
const UiText kOpensWhenLoaded{"ルールを読み込みしだい開きます…", "Opening as soon as the rules are loaded…"};
const UiText kLoadingDetails{"詳しい内容を読み込んでいます…", "Loading the details…"};
const UiText kOfflineDetails{"ネットワークに接続できないため、詳しい内容を表示できません", "The details cannot be shown without a network connection"};
const UiText kKioskRestart{"最初の画面へ", "Back to start"};
const UiText kChapter{"章", "Chapter"};
const UiText kChapterLeft{"この章はあと", "Left in this chapter:"};
const UiText kChapterLastQuestion{"この章の最後の質問です", "Last question of this chapter"};
const UiText kDecides{"の判定に使います", "decides"};
const UiText kDecidesMany{"件の施策の判定に使います", "programmes depend on it"};
const UiText kRefines{"の金額の見積もりに使います", "refines the amount of"};
const UiText kWhy{"理由", "Why"};
const UiText kEstimateAmounts{"金額を見積もる", "Estimate amounts"};
const UiText kEstimateHere{"金額を見積もる（ここで入力）", "Estimate the amount (enter here)"};
const UiText kFilter{"絞り込み・並べ替え", "Filter and order"};
const UiText kFilterKind{"支援の種類", "Kind of support"};
const UiText kContactShort{"問合せ", "Contact"};
const UiText kNoContactInSeed{"資料に連絡先の記載なし", "No contact given in the source"};
const UiText kThemeNotChosen{"選ばなかった分野", "Field not chosen"};
const UiText kGateDeclined{"予定なしと回答", "You said not planned"};
const UiText kChosenFields{"選んだ分野", "Your fields"};
const UiText kAllFields{"すべての分野", "All fields"};
const UiText kNextSteps{"次にすること", "What to do next"};
const UiText kStepApply{"申請・相談の窓口", "Who applies, and through whom"};
const UiText kStepWhen{"時期", "When"};
const UiText kStepPrepare{"準備すること", "What to prepare"};
const UiText kStepsNotInSeed{"資料に記載なし：", "Not stated in the sources:"};
const UiText kIncludeSetAside{"選ばなかった分野の施策も含める", "Include the fields you did not choose"};
const UiText kNoMatch{"この絞り込みに当てはまる施策はありません。", "No programme matches this filter."};
const UiText kCopy{"コピー", "Copy"};
const UiText kNameOnly{"資料には名称のみ", "Named only in the sources"};
const UiText kListed{"資料に名称のみ掲載の施策", "Programmes the sources only name"};
const UiText kNewView{"令和8年度の新規・拡充", "New and expanded in FY2026"};

}  // namespace shisaku::app::ui
