// Bahasa Indonesia (Indonesian): the same keys as en.room.ts (checked by the types below).
// No plural forms: i18next uses the *_other keys; *_one are kept for the type.
import type { enRoom } from './en.room';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const idRoom: Strings<typeof enRoom> = {
  crash: {
    title: 'Terjadi kesalahan di layar ini',
    body: 'Kesalahan telah dilaporkan. Catatan dan perubahan Anda aman di server. Coba lagi, atau muat ulang halaman.',
    retry: 'Coba lagi',
    reload: 'Muat ulang halaman',
    home: 'Ke halaman awal',
  },
  room: {
    dismissMessage: 'Tutup pesan',
    undo: 'Urungkan',
    noteDeleted: 'Catatan dihapus.',
    console: {
      nav: 'Bagian konsol',
      cafeLists: 'Meja dan peserta kafe',
      sections: {
        phase: 'Tahap',
        invite: 'Undang',
        cafe: 'Putaran kafe',
        review: 'Tinjauan dan ekspor',
        stats: 'Ringkasan',
        tables: 'Meja',
        waiting: 'Belum duduk',
        people: 'Semua peserta',
        cafeLists: 'Meja dan peserta',
      },
    },
    confirm: {
      endTitle: 'Akhiri putaran {{round}} sekarang?',
      endBody:
        'Jam berhenti di nol di setiap layar dan ruangan melihat “Waktu habis”. Meja masih dapat menyelesaikan catatan; tidak ada yang pindah sampai Anda berganti putaran.',
      endYes: 'Akhiri putaran {{round}}',
      rotateTitle: 'Pindah ke putaran {{round}}?',
      rotateBody:
        'Setiap orang yang berganti meja mendapat kartu tempat duduk untuk putaran {{round}}; papan lama mereka menjadi hanya-baca sampai mereka menekan “Saya sudah di sini”. Tuan rumah tetap di mejanya. Jam diatur ulang ke {{minutes}} menit dan menunggu Anda memulainya.',
      rotateYes: 'Pindah ke putaran {{round}}',
    },
    save: {
      saving: 'Menyimpan…',
      allSaved: 'Semua perubahan tersimpan',
      saved: 'Tersimpan',
    },
    keys: {
      title: 'Pintasan papan ketik',
      groups: { everywhere: 'Di mana saja', board: 'Di papan meja', harvest: 'Di rangkuman' },
      sheet: { keys: '?', does: 'Tampilkan daftar pintasan ini' },
      skip: { keys: 'Tab (pertama)', does: 'Langsung ke konten utama' },
      close: { keys: 'Esc', does: 'Tutup dialog atau batalkan suntingan', button: 'Tutup' },
      add: { keys: 'Ctrl + Enter', does: 'Tambahkan catatan yang sedang ditulis (⌘ + Enter di Mac)' },
      move: { keys: '← ↑ → ↓', does: 'Pindahkan catatan yang dipilih' },
      moveFar: { keys: 'Shift + panah', does: 'Pindahkan dengan langkah lebih besar' },
      edit: { keys: 'Enter', does: 'Ubah catatan yang dipilih' },
      save: { keys: 'Ctrl + Enter', does: 'Simpan catatan yang sedang diubah' },
      cancel: { keys: 'Esc', does: 'Berhenti mengubah tanpa menyimpan' },
      remove: { keys: 'Delete', does: 'Hapus catatan yang dipilih (Urungkan muncul beberapa detik)' },
      undo: { keys: 'Ctrl + Z / ⌘ + Z', does: 'Urungkan penghapusan atau pemindahan catatan terakhir Anda (fokus kembali ke catatan itu)' },
      tabs: { keys: '← → Home End', does: 'Berpindah antartab rangkuman' },
      pickUp: { keys: 'Spasi atau Enter', does: 'Angkat catatan melalui pegangannya' },
      carry: { keys: 'Panah', does: 'Bawa ke klaster atau catatan lain' },
      drop: { keys: 'Spasi atau Enter / Esc', does: 'Letakkan di sana / batal' },
    },
    presence: {
      online: 'daring',
      offline: 'tidak terhubung',
      here: '{{n}} dari {{of}} hadir',
      typingOne: '{{name}} sedang mengetik…',
      typingMany: '{{names}} sedang mengetik…',
    },
  },
};
