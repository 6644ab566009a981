// Stylesheet of the fake amoCRM: enough for a screenshot to read as amoCRM (dark-blue left menu,
// card column ~380px, feed in the middle, widget column ~300px).
export const AMO_CSS = `
*{box-sizing:border-box}
html,body{margin:0;height:100%}
body{font:13px/1.4 "PT Sans",Arial,sans-serif;color:#313942;background:#e9eef2;overflow:hidden}
a{color:#1375ab;text-decoration:none}
#nav_menu{position:fixed;left:0;top:0;bottom:0;width:64px;background:#0f2a4a;color:#b6c6d8;z-index:10;display:flex;flex-direction:column;align-items:stretch}
.nav__top{height:64px;display:flex;align-items:center;justify-content:center}
.nav__top__userpic{width:36px;height:36px;border-radius:50%;background:#4c8bf5;color:#fff;display:flex;align-items:center;justify-content:center;font-weight:bold}
.nav__menu__item{height:60px}
.nav__menu__item__link{display:flex;flex-direction:column;align-items:center;justify-content:center;height:100%;color:#b6c6d8;font-size:10px}
.nav__menu__item__icon{font-size:20px;line-height:22px}
.nav__menu__item-selected{background:#1a3d66;box-shadow:inset 3px 0 0 #4c8bf5}
.nav__menu__item-selected .nav__menu__item__link{color:#fff}
#page_holder{position:absolute;left:64px;top:0;right:0;bottom:0;overflow:hidden}
#list_page_holder{height:100%;position:relative}
.pipeline__top{height:56px;background:#fff;border-bottom:1px solid #dbdedf;display:flex;align-items:center;gap:18px;padding:0 20px}
.pipeline__top-title{font-weight:bold;letter-spacing:.5px;color:#2e3640}
.pipeline__top-select{font-size:14px;color:#2e3640}
.list-top-search{flex:1}
.list-top-search__input{width:100%;max-width:420px;height:32px;border:1px solid #dbdedf;border-radius:3px;padding:0 10px;background:#f5f5f5}
.pipeline__top-total{color:#92989b}
.button-input_add{background:#4c8bf5;color:#fff;padding:8px 14px;border-radius:3px;font-weight:bold;font-size:12px}
.pipeline__top-views{display:flex;gap:2px}
.pipeline__view{padding:4px 10px;border-radius:3px;color:#6b6d72;font-size:12px}
.pipeline__view_active{background:#eef1f4;color:#2e3640;font-weight:bold}
.pipeline-scroller{height:calc(100% - 56px);overflow:auto}
.pipeline__body{min-height:100%}
#pipeline_holder{display:flex;gap:0;padding:0 0 40px 8px;align-items:flex-start}
.pipeline_status{flex:0 0 272px;padding:0 6px;display:flex;flex-direction:column}
.pipeline_cell-head{position:sticky;top:0;background:#e9eef2;z-index:2}
.pipeline_status__head{padding:14px 4px 8px;position:relative}
.pipeline_status__head_title{font-weight:bold;text-transform:uppercase;font-size:12px;color:#2e3640;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.pipeline_status__head_info{color:#92989b;font-size:12px}
.pipeline_status__head_line{display:block;height:3px;margin-top:8px;border-radius:2px}
.pipeline_items__list{min-height:60px;padding-bottom:20px}
.pipeline_leads__item{background:#fff;border-radius:3px;box-shadow:0 1px 2px rgba(0,0,0,.12);padding:9px 11px;margin-bottom:6px;cursor:grab;user-select:none}
.pipeline_leads__item.ui-sortable-helper{cursor:grabbing;box-shadow:0 4px 14px rgba(0,0,0,.25)}
.pipeline_leads__item_placeholder{height:64px;margin-bottom:6px;border:2px dashed #9fb4c8;border-radius:3px}
.pipeline_leads__top-block{display:flex;justify-content:space-between;color:#92989b;font-size:11px}
.pipeline_leads__lead-title{margin:3px 0}
.pipeline_leads__title-text{display:block;font-weight:bold;color:#1375ab;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.pipeline_leads__field{color:#313942;font-size:12px}
.pipeline_leads__note{color:#92989b;font-size:11px}
.leads-pipeline__autoload-load-more{position:absolute;left:50%;bottom:56px;padding:4px 12px;background:#fff;border-radius:12px;box-shadow:0 1px 3px rgba(0,0,0,.2);color:#6b6d72}
.footer__pipeline{position:absolute;left:0;right:0;bottom:0}
.pipeline_manage{display:none}
.list__table{height:calc(100% - 56px);overflow:auto;background:#fff}
.list-row{display:flex;align-items:center;min-height:40px;border-bottom:1px solid #eceeef;padding:0 12px}
.list-row_head{font-weight:bold;color:#92989b;font-size:12px;text-transform:uppercase;position:sticky;top:0;background:#fafafa;z-index:2}
.list-row__cell{padding:6px 8px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.list-row__cell-id{flex:0 0 32px}
.list-row__cell-name{flex:0 0 420px}
.list-row__cell-main_contact{flex:0 0 190px}
.list-row__cell-status{flex:0 0 190px}
.list-row__cell-budget{flex:0 0 120px}
.list-row__cell-responsible{flex:1}
.card-holder{display:grid;grid-template-columns:380px minmax(0,1fr) 300px;grid-template-rows:auto minmax(0,1fr);height:100%}
.inbox-messaging-card-header{grid-column:1/-1;grid-row:1;background:#2f4457;color:#fff;display:flex;align-items:center;gap:24px;padding:10px 20px}
.inbox-messaging-card-header__toggle{background:transparent;border:0;color:#a9c1d9;font-size:16px}
.inbox-messaging-card-header__name-and-tags{flex:0 1 420px}
.inbox-messaging-card-header__status{border:0;min-width:260px}
#card_fields{grid-column:1;grid-row:2;background:#fff;border-right:1px solid #dbdedf;overflow-y:auto;min-height:0}
.card-holder__column-resizer{display:none}
.card-entity-form{margin:0}
.card-fields__top-back{display:block;padding:10px 20px 0;background:#2f4457;color:#a9c1d9;font-size:12px}
.card-entity-form__top{background:#2f4457;color:#fff;padding:10px 20px 16px}
.card-fields__top-id{color:#a9c1d9;font-size:12px}
.card-fields__top-name-input{font:bold 20px/1.3 "PT Sans",Arial,sans-serif;color:#fff;background:transparent;border:0;width:100%;resize:none;padding:0;height:28px;overflow:hidden}
.card-fields__add-tag{color:#a9c1d9;font-size:11px}
.card-entity-form__top .linked-form__field,.inbox-messaging-card-header__status{border:0;margin-top:8px}
.pipeline-select-view{cursor:pointer}
.pipeline-select-view__pipeline{color:#a9c1d9;font-size:11px;text-transform:uppercase}
.pipeline-select-view__status{font-size:14px;font-weight:bold;margin:2px 0 6px}
.pipeline-select-view__colors{height:4px;border-radius:2px;overflow:hidden}
.pipeline-select-view__colors-block{height:4px}
.pipeline-select-wrapper__inner{display:none}
ul.linked-forms{list-style:none;margin:0;padding:0}
.card-fields__linked-block{border-top:8px solid #f5f5f5;padding:10px 20px}
.linked-form__field-name input{font-weight:bold;font-size:15px;border:0;background:transparent;padding:6px 0;width:100%}
.feed-note-wrapper-separator{text-align:center;color:#92989b;font-size:11px;margin:12px 0}
.feed-note-wrapper_system .feed-note{background:transparent;box-shadow:none;padding:2px 14px;color:#6b6d72}
.feed-note__body-subviews{margin-top:8px;padding-left:12px;border-left:2px solid #e4e6e8}
.feed-note__body-subviews .feed-note{box-shadow:none;padding:6px 0}
.feed-note__blue-link{margin-left:8px}
.feed-note__call-play_disabled,.feed-note__call-download_disabled{color:#c1c1c1;margin-left:8px}
.notes-wrapper{display:flex;flex-direction:column;height:100%;min-height:0}
.notes-wrapper__scroller{flex:1;overflow-y:auto;min-height:0}
.card-tabs{display:flex;border-bottom:1px solid #dbdedf;padding:0 14px;background:#f9fafb}
.card-tabs__item{padding:10px 8px;color:#92989b;font-size:12px}
.card-tabs__item_selected{color:#313942;box-shadow:inset 0 -2px 0 #4c8bf5}
.linked-forms{padding:10px 20px}
.linked-form__field{display:flex;align-items:center;min-height:32px;border-bottom:1px dashed #eceeef}
.linked-form__field__label{flex:0 0 140px;color:#92989b;font-size:12px;padding-right:8px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.linked-form__field__value{flex:1;min-width:0}
.linked-form__field__value input{width:100%;border:0;background:transparent;font:inherit;color:#313942;padding:6px 0}
.control--select{position:relative}
.control--select--button{border:0;background:transparent;font:inherit;color:#313942;padding:6px 0;cursor:pointer}
.control--select--button::after{content:" ▾";color:#92989b}
.control--select--list{display:none}
.linked-forms__group-wrapper_contacts{border-top:8px solid #f5f5f5;padding:10px 20px}
.card-holder__feed{grid-column:2;grid-row:2;min-width:0;min-height:0;display:flex;flex-direction:column;background:#f5f5f5}
.notes-wrapper__top{padding:14px 24px;color:#92989b;border-bottom:1px solid #e4e6e8;background:#fafafa}
.notes-wrapper__notes{padding:14px 24px}
.feed-note-wrapper{margin-bottom:10px}
.feed-note{background:#fff;border-radius:3px;box-shadow:0 1px 2px rgba(0,0,0,.08);padding:10px 14px}
.feed-note-system{background:transparent;box-shadow:none;padding:2px 14px;color:#6b6d72}
.feed-note__header{font-size:11px;color:#92989b;display:flex;gap:10px}
.feed-note__body{margin-top:4px}
.feed-note__call-title{font-weight:bold}
.feed-note__call-player{display:inline-flex;align-items:center;gap:8px;margin-left:8px;background:#f0f4f8;border-radius:14px;padding:2px 10px}
.feed-note__call-play{color:#4c8bf5}
.feed-note__call-duration{color:#92989b}
.feed-note__call-norecord{color:#c1c1c1;font-size:12px}
.feed-compose{background:#fff;border-top:1px solid #dbdedf;padding:12px 24px;min-height:90px}
.feed-compose__switcher{color:#1375ab;font-size:12px}
.feed-compose__message{min-height:40px;outline:0}
.feed-compose__message:empty::before{content:attr(data-placeholder);color:#c1c1c1}
#widgets_block{grid-column:3;grid-row:2;min-height:0;background:#eef1f4;border-left:1px solid #dbdedf;overflow-y:auto}
.card-widgets__header{padding:16px;color:#92989b;text-transform:uppercase;font-size:11px;font-weight:bold}
.card-widgets__elements{padding:0 12px 12px}
.card-widgets__widget{background:#fff;border-radius:3px;padding:10px 12px;margin-bottom:10px;box-shadow:0 1px 2px rgba(0,0,0,.08)}
.card-widgets__widget__caption{font-weight:bold;margin-bottom:4px}
.page-404{padding:60px;text-align:center;color:#6b6d72;font-size:16px}
`;
