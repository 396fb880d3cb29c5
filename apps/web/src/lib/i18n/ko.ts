import type { Messages } from './messages.js';

export const ko: Messages = {
  greeting: '안녕하세요! 무엇을 도와드릴까요?',
  greetingHint: '아래 예시를 눌러 보거나 무엇이든 물어보세요:',
  suggestions: ['서울이랑 뉴욕 지금 몇 시야?', 'TypeScript로 debounce 함수 보여줘'],
  model: '모델',
  modelLoading: '불러오는 중…',
  modelUnknown: '알 수 없음',
  demoNotice: '데모 모드 — API 키가 없어 오프라인 데모 모델이 답변합니다.',
  configError: '서버 설정을 불러오지 못했습니다. 채팅은 계속 쓸 수 있을 수 있습니다.',
  skipToComposer: '메시지 입력창으로 건너뛰기',

  composerLabel: '메시지',
  composerPlaceholder: '무엇이든 물어보세요 (Enter 보내기, Shift+Enter 줄바꿈)',
  send: '보내기',
  stop: '중지',
  retry: '다시 시도',
  regenerate: '다시 생성',
  edit: '수정',
  editLabel: '메시지 수정',
  cancel: '취소',
  you: '나',
  assistant: '어시스턴트',
  thinking: '생각하는 중…',
  reasoning: '추론',
  thinkingFor: (seconds) => `생각하는 중… ${seconds}초`,
  thoughtFor: (seconds) => `${seconds}초 동안 생각함`,
  reconnecting: '다시 연결하는 중…',
  stopped: '중지됨',
  finishLength: '토큰 한도에 도달해 답변이 중간에 멈췄습니다.',
  continueAnswer: '이어서 답변',
  continuePrompt: '계속',
  finishContentFilter: '제공자의 콘텐츠 필터로 답변이 중단되었습니다.',

  copyCode: '코드 복사',
  copied: '복사됨',
  copyFailed: '복사 실패',
  codeLanguage: (language) => (language === '' ? '코드' : language),

  toolRunning: '실행 중',
  toolDone: '완료',
  toolFailed: '실패',
  toolArguments: '인수',
  toolResult: '결과',
  toolError: '오류',
  toolWaiting: '결과를 기다리는 중…',
  toolInterrupted: '결과 없음: 도구가 끝나기 전에 답변이 끝났습니다.',
  toolCalls: (count) => `도구 호출 ${count}개`,
  duration: (ms) =>
    ms < 1 ? '1ms 미만' : ms < 1000 ? `${Math.round(ms)}ms` : `${(ms / 1000).toFixed(1)}초`,

  conversations: '대화 목록',
  newChat: '새 대화',
  untitled: '새 대화',
  rename: '이름 바꾸기',
  renameLabel: '대화 이름',
  save: '저장',
  delete: '삭제',
  confirmDelete: (title) => `“${title}” 대화를 삭제할까요? 되돌릴 수 없습니다.`,
  showConversations: '대화 목록 보기',
  hideConversations: '대화 목록 숨기기',

  storageCorrupt:
    '저장된 대화를 읽을 수 없습니다(데이터 손상). 기존 데이터는 따로 보관하고 새 목록을 시작했습니다.',
  storageOldFormat:
    '저장된 대화가 이 버전에서 읽을 수 없는 형식입니다. 기존 데이터는 따로 보관하고 새 목록을 시작했습니다.',
  storageSkipped: (count) => `저장된 대화 ${count}개를 읽을 수 없어 건너뛰었습니다.`,
  storageSaveFailed: '이 브라우저에 대화를 저장하지 못했습니다(저장 공간 부족 또는 비활성화).',
  dismiss: '닫기',

  debug: '디버그',
  debugTitle: '디버그 보기',
  debugMessages: '모델이 보는 메시지',
  debugSystemServerSide: '(서버에서 설정됨; 이 서버는 시스템 프롬프트를 공개하지 않습니다)',
  debugChunks: '마지막 답변의 프로토콜 청크',
  debugNoChunks: '이 세션에서 아직 스트리밍된 답변이 없습니다.',
  debugOmitted: (count) => `… 청크 ${count}개 생략 …`,
  debugUsage: '사용량',
  promptTokens: '프롬프트 토큰',
  completionTokens: '완성 토큰',
  totalTokens: '전체 토큰',
  reasoningTokens: '그중 추론',
  debugNoUsage: '마지막 답변의 사용량 정보가 없습니다.',

  jumpToLatest: '최신 메시지로 이동',
  announceDone: '답변이 끝났습니다.',
  announceStopped: '답변을 중지했습니다.',

  errorNetwork: '서버와의 연결이 끊겼습니다. 네트워크를 확인하고 다시 시도하세요.',
  errorRateLimited: (seconds) =>
    seconds === undefined
      ? '요청이 너무 많습니다. 잠시 후 다시 시도하세요.'
      : `요청이 너무 많습니다. ${seconds}초 후에 다시 시도할 수 있습니다.`,
  errorBudgetSpent:
    '이 데모의 오늘 사용량이 모두 소진되었습니다. 00:00 UTC 이후에 다시 시도하세요.',
  errorBotCheck: '메시지 입력란 옆의 확인으로 사람임을 확인한 뒤 다시 시도하세요.',
  errorTooLarge: '대화가 너무 길어 서버가 받을 수 없습니다. 새 대화를 시작하거나 줄여 주세요.',
  errorRejected: '서버가 요청을 거부했습니다.',
  errorUpstream: '지금은 모델 서비스를 쓸 수 없습니다. 잠시 후 다시 시도하세요.',
  errorServer: (status) => `서버에 문제가 생겼습니다(HTTP ${status}).`,
  errorTruncated: '답변이 끝나기 전에 끊겼습니다.',
  errorStream: '모델이 오류로 멈췄습니다.',
  errorInvalidResponse: '서버가 이 페이지에서 읽을 수 없는 응답을 보냈습니다.',
  errorUnknown: '문제가 생겼습니다.',
  errorDetail: '자세히',
  retryIn: (seconds) => `다시 시도 (${seconds}초)`,

  botCheckLabel: '대화하려면 사람인지 확인해 주세요.',
  botCheckFailed: '사람 확인을 통과하지 못했거나 만료되었습니다. 다시 확인한 뒤 재시도하세요.',
  botCheckUnavailable: '사람 확인을 불러오지 못했습니다. 페이지를 새로 고쳐 다시 시도하세요.',

  // Branches, export and import.
  exportMarkdown: 'Markdown으로 내보내기',
  exportJson: 'JSON으로 내보내기',
  importConversations: '대화 가져오기…',
  imported: (count) => `대화 ${count}개를 가져왔습니다.`,
  importTooLarge: '파일이 너무 커서 가져올 수 없습니다 (25 MB 초과).',
  importNotJson: 'JSON 파일이 아닙니다. edgechat이나 ChatGPT에서 내보낸 JSON 파일을 선택하세요.',
  importUnknown: 'edgechat이나 ChatGPT에서 내보낸 파일이 아닙니다.',
  importNewer: '더 새로운 버전의 edgechat에서 만든 파일입니다. 업데이트한 뒤 다시 가져오세요.',
  importEmpty: '이 파일에는 대화가 없습니다.',
  importTooMany: '한 번에 가져오기에는 대화가 너무 많습니다 (2,000개 초과).',
  importInvalid: (position) =>
    `이 파일의 ${position}번째 대화가 손상되어 아무것도 가져오지 않았습니다.`,
  previousVersion: '이전 버전',
  nextVersion: '다음 버전',
  versionOf: (index, count) => `${count}개 중 ${index}번째 버전`,

  // Tool approval and argument summaries.

  // Math and long chats.

  // Search, keyboard shortcuts and announcements.
  searchLabel: '대화 검색',
  searchPlaceholder: '검색',
  searchResults: '검색 결과',
  noSearchResults: (query) => `“${query}”이(가) 들어 있는 대화가 없습니다.`,
  shortcuts: '키보드 단축키',
  shortcutsHint: '입력란 밖에서 ?를 누르면 이 목록이 열립니다.',
  shortcutNames: {
    'new-chat': '새 대화',
    'focus-search': '대화 검색',
    stop: '답변 멈추기',
    'edit-last': '마지막 메시지 수정 (빈 입력란에서)',
    'show-shortcuts': '키보드 단축키 보기',
  },
  close: '닫기',
};
