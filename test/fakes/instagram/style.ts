// Stylesheet of the fake Instagram: white app, left nav rail, centred profile/feed.
export const IG_CSS = `
*{box-sizing:border-box}
html,body{margin:0}
body{font:14px/18px -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#000;background:#fff}
a{color:inherit;text-decoration:none}
._app{display:flex;min-height:100vh}
[role="navigation"]{position:fixed;left:0;top:0;bottom:0;width:244px;border-right:1px solid #dbdbdb;padding:8px 12px 20px;background:#fff;z-index:5}
[role="navigation"] ._ig_logo{display:block;font:italic 600 26px/1 "Billabong","Segoe Script",cursive;padding:25px 12px 28px}
[role="navigation"] a{display:block;border-radius:8px;margin:2px 0}
[role="navigation"] a:hover{background:#f2f2f2}
[role="navigation"] .x9f619{display:flex;align-items:center;gap:16px;padding:12px}
[role="navigation"] svg{width:24px;height:24px}
._nav_active ._nav_label{font-weight:700}
._nav_avatar{border-radius:50%}
._main{flex:1;margin-left:244px;display:flex;flex-direction:column;align-items:center;min-width:0}
._profile{width:100%;max-width:935px;padding:30px 20px 0}
._profile_header{display:flex;margin-bottom:44px}
._avatar_section{flex:0 0 290px;display:flex;justify-content:center}
._avatar_section img{width:150px;height:150px;border-radius:50%;display:block}
._story_ring{display:inline-block;padding:4px;border-radius:50%;background:conic-gradient(#feda75,#fa7e1e,#d62976,#962fbf,#4f5bd5,#feda75)}
._story_ring img{border:3px solid #fff;border-radius:50%}
._info_section{flex:1}
._username{font-size:20px;line-height:25px;font-weight:400;margin:0 20px 0 0}
._info_section>.x6s0dn4{display:flex;align-items:center;gap:8px}
._actions{display:flex;gap:8px}
._btn,._btn_primary{border:0;border-radius:8px;padding:7px 16px;font-weight:600;font-size:14px;background:#efefef;cursor:pointer}
._btn_primary{background:#0095f6;color:#fff}
._counts{list-style:none;padding:0;margin:20px 0;display:flex;gap:40px;font-size:16px}
._counts .x1s688f{font-weight:600}
._bio .x1s688f{font-weight:600}
._bio h1{font-size:14px;font-weight:400;margin:2px 0 0;line-height:18px}
._tabs{border-top:1px solid #dbdbdb;display:flex;justify-content:center;gap:60px}
._tab{font-size:12px;letter-spacing:1px;font-weight:600;color:#737373;padding:16px 0;margin-top:-1px}
._tab_active{color:#000;border-top:1px solid #000}
._grid{gap:4px}
._ac7v{display:flex;gap:4px}
._ac7v>div{flex:1;position:relative;aspect-ratio:3/4;overflow:hidden;background:#efefef}
._ac7v>div>a{position:absolute;inset:0;display:block}
._aagu,._aagv{position:absolute;inset:0}
._aagv img{width:100%;height:100%;object-fit:cover;display:block}
._aatp{position:absolute;top:8px;right:8px;display:flex;gap:4px;color:#fff}
._aatp svg{width:20px;height:20px;filter:drop-shadow(0 0 2px rgba(0,0,0,.5))}
._empty{padding:60px;color:#737373;text-align:center}
._home{width:100%;max-width:630px;padding:20px 0}
._story_tray ul{list-style:none;display:flex;gap:16px;padding:8px 0 24px;margin:0;overflow-x:auto}
._story_tray_item{display:flex;flex-direction:column;align-items:center;gap:4px;font-size:12px;width:70px}
._story_tray_item img{width:56px;height:56px}
._tray_name{max-width:70px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
article{width:100%;max-width:470px;margin:0 auto 24px;border-bottom:1px solid #dbdbdb;padding-bottom:16px}
._post_head{display:flex;align-items:center;gap:8px;padding:8px 0}
._post_avatar{width:32px;height:32px;border-radius:50%}
._post_user{font-weight:600}
time{color:#737373}
._post_media{position:relative;aspect-ratio:4/5;border-radius:4px;overflow:hidden}
._post_media img{width:100%;height:100%;object-fit:cover}
._post_media svg{position:absolute;top:10px;right:10px;color:#fff}
._post_actions{display:flex;gap:14px;padding:10px 0}
._post_likes{font-weight:600}
._post_caption a{font-weight:600}
._single_post_wrap{padding:40px 0;width:100%}
._direct{display:flex;width:100%;height:100vh}
._direct_list{flex:0 0 397px;border-right:1px solid #dbdbdb;overflow-y:auto}
._direct_head{padding:36px 24px 12px}
._direct_head h1{font-size:20px;margin:0 0 18px}
._direct_head span{font-weight:700;font-size:16px}
._thread a{display:flex;align-items:center;gap:12px;padding:8px 24px}
._thread img{width:56px;height:56px;border-radius:50%}
._thread_text{display:flex;flex-direction:column;min-width:0;flex:1}
._thread_snippet{color:#737373;font-size:12px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
._thread_unread ._thread_name,._thread_unread ._thread_snippet{font-weight:700;color:#000}
._unread_dot{width:8px;height:8px;border-radius:50%;background:#0095f6}
._direct_empty{flex:1;display:flex;flex-direction:column;align-items:center;justify-content:center}
._direct_empty h2{font-weight:400;font-size:20px;margin:12px 0 4px}
._direct_empty p{color:#737373}
._story_viewer{position:fixed;inset:0;background:#1a1a1a;display:flex;align-items:center;justify-content:center;z-index:20}
._story_frame{position:relative;width:380px;aspect-ratio:9/16;border-radius:8px;overflow:hidden}
._story_img{width:100%;height:100%;object-fit:cover}
._story_head{position:absolute;top:0;left:0;right:0;display:flex;align-items:center;gap:8px;padding:20px 16px;color:#fff}
._story_head img{width:32px;height:32px;border-radius:50%}
._story_head time{color:#ddd}
._story_close{position:absolute;top:16px;right:24px;color:#fff;font-size:28px}
._not_found{padding:40px;text-align:center;max-width:600px}
._not_found h2{font-size:22px;font-weight:700;margin:20px 0}
._not_found a{color:#00376b}
._placeholder{padding:60px;color:#737373}
`;
