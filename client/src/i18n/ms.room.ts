// Bahasa Melayu (Malay): the same keys as en.room.ts (checked by the types below).
// No plural forms: i18next uses the *_other keys; *_one are kept for the type.
import type { enRoom } from './en.room';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const msRoom: Strings<typeof enRoom> = {
  crash: {
    title: 'Berlaku ralat pada skrin ini',
    body: 'Ralat telah dilaporkan. Nota dan perubahan anda selamat di pelayan. Cuba lagi, atau muat semula halaman.',
    retry: 'Cuba lagi',
    reload: 'Muat semula halaman',
    home: 'Pergi ke halaman utama',
  },
  room: {
    dismissMessage: 'Tutup mesej',
    undo: 'Buat asal',
    noteDeleted: 'Nota dipadam.',
    console: {
      nav: 'Bahagian konsol',
      cafeLists: 'Meja dan peserta kafe',
      sections: {
        phase: 'Fasa',
        invite: 'Jemput',
        cafe: 'Pusingan kafe',
        review: 'Semakan dan eksport',
        stats: 'Sepintas lalu',
        tables: 'Meja',
        waiting: 'Belum duduk',
        people: 'Semua orang',
        cafeLists: 'Meja dan peserta',
      },
    },
    confirm: {
      endTitle: 'Tamatkan pusingan {{round}} sekarang?',
      endBody:
        'Jam berhenti pada sifar di setiap skrin dan bilik melihat “Masa tamat”. Meja masih boleh menyiapkan nota; tiada sesiapa berpindah sehingga anda beralih pusingan.',
      endYes: 'Tamatkan pusingan {{round}}',
      rotateTitle: 'Beralih ke pusingan {{round}}?',
      rotateBody:
        'Setiap orang yang bertukar meja mendapat kad tempat duduk untuk pusingan {{round}}; papan lama mereka menjadi baca sahaja sehingga mereka mengesahkan “Saya sudah sampai”. Hos kekal di meja masing-masing. Jam ditetapkan semula kepada {{minutes}} minit dan menunggu anda memulakannya.',
      rotateYes: 'Beralih ke pusingan {{round}}',
    },
    save: {
      saving: 'Menyimpan…',
      allSaved: 'Semua perubahan disimpan',
      saved: 'Disimpan',
    },
    keys: {
      title: 'Pintasan papan kekunci',
      groups: { everywhere: 'Di mana-mana', board: 'Di papan meja', harvest: 'Dalam penuaian' },
      sheet: { keys: '?', does: 'Papar senarai pintasan ini' },
      skip: { keys: 'Tab (pertama)', does: 'Langkau ke kandungan utama' },
      close: { keys: 'Esc', does: 'Tutup dialog atau batalkan suntingan', button: 'Tutup' },
      add: { keys: 'Ctrl + Enter', does: 'Tambah nota yang sedang anda tulis (⌘ + Enter pada Mac)' },
      move: { keys: '← ↑ → ↓', does: 'Alihkan nota yang difokus' },
      moveFar: { keys: 'Shift + anak panah', does: 'Alihkan dengan langkah lebih besar' },
      edit: { keys: 'Enter', does: 'Sunting nota yang difokus' },
      save: { keys: 'Ctrl + Enter', does: 'Simpan nota yang sedang disunting' },
      cancel: { keys: 'Esc', does: 'Berhenti menyunting tanpa menyimpan' },
      remove: { keys: 'Delete', does: 'Padam nota yang difokus (Buat asal muncul beberapa saat)' },
      undo: { keys: 'Ctrl + Z / ⌘ + Z', does: 'Buat asal pemadaman atau pengalihan nota terakhir anda (fokus kembali kepadanya)' },
      tabs: { keys: '← → Home End', does: 'Beralih antara tab penuaian' },
      pickUp: { keys: 'Space atau Enter', does: 'Angkat nota melalui pemegangnya' },
      carry: { keys: 'Anak panah', does: 'Bawa ke kelompok atau nota lain' },
      drop: { keys: 'Space atau Enter / Esc', does: 'Lepaskan di situ / batal' },
    },
    presence: {
      online: 'dalam talian',
      offline: 'tidak bersambung',
      here: '{{n}} daripada {{of}} hadir',
      typingOne: '{{name}} sedang menaip…',
      typingMany: '{{names}} sedang menaip…',
    },
  },
};
