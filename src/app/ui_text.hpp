// The app's own words in both languages (the rules carry theirs). One table, so the font
// subset and the translations can be checked in one place.
#pragma once

#include "text.hpp"

namespace shisaku::app {

struct UiText {
  const char* ja;
  const char* en;
  const char* in(Lang lang) const { return lang == Lang::En ? en : ja; }
};

namespace ui {
extern const UiText kAppName, kTagline, kIntro, kWhoFor, kPrivacy, kStart, kBrowseCatalog, kResume, kLanguage, kBack, kNext,
    kSkip, kSkipHelp, kHelp, kYes, kNo, kConfirm, kProgress, kLiveEligible, kLiveUnknown, kResults, kEligible, kUnknown,
    kIneligible, kShowIneligible, kSortByAmount, kSortDefault, kNoEstimate, kSettle, kDetail, kSummary, kSupports,
    kConditions, kMet, kNotMet, kUnanswered, kEstimate, kBreakdown, kFiscalYear, kRecipient, kMeaning, kContacts, kPhone,
    kOpenSite, kSources, kCaveats, kSchedule, kBudget, kRecap, kEdit, kRestart, kRecapEmpty, kCatalog, kFilterTheme,
    kFilterMinistry, kFilterApplicant, kAll, kSearch, kProgramsShown, kShare, kCopyLink, kCopied, kQrHint, kExportText,
    kExportCsv, kPrint, kLinkRefused, kLinkOutdated, kLinkCorrupted, kDismiss, kFontSmaller, kFontLarger, kContrast,
    kStatusEligible, kStatusUnknown, kStatusIneligible, kNumberUnit, kEnter, kTakeResults, kIdleWarning, kScanToOpen,
    kNeedsAnswers, kAmountOf, kHistory, kQuestionsToSettle, kNoMoreQuestions, kSeeResults, kAnswerNow, kPer, kNote,
    kLoadingError, kKioskRestart, kIdleContinue, kLoadingRules, kOpensWhenLoaded, kLoadingDetails, kOfflineDetails,
    kChapter, kChapterLeft, kChapterLastQuestion, kDecides, kDecidesMany, kRefines, kWhy, kEstimateAmounts, kEstimateHere, kFilter,
    kFilterKind, kContactShort, kNoContactInSeed, kThemeNotChosen, kGateDeclined, kChosenFields, kAllFields,
    kNextSteps, kStepApply, kStepWhen, kStepPrepare, kStepsNotInSeed, kIncludeSetAside, kNoMatch, kNewView, kNameOnly, kListed, kCopy;
}  // namespace ui

}  // namespace shisaku::app
