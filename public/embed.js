/* 科普日历 embed loader (optional): sizes each 科普日历 iframe on this page to its content.
   Without it the iframe keeps the height written in the snippet. No cookies, nothing else. */
(function () {
  var s = document.currentScript
  var origin = s && new URL(s.src).origin
  addEventListener('message', function (e) {
    var d = e.data
    if (e.origin !== origin || !d || d.type !== 'kepu-calendar:height') return
    var frames = document.getElementsByTagName('iframe')
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === e.source) frames[i].style.height = Math.min(Math.max(Number(d.height) || 0, 60), 3000) + 'px'
    }
  })
})()
