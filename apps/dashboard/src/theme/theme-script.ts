// Runs before the first paint (inline in <head>) so a stored dark or light choice never flashes the other theme.
export const THEME_STORAGE_KEY = 'vad-theme';

export const themeScript = `(function(){try{var t=localStorage.getItem('${THEME_STORAGE_KEY}');if(t==='light'||t==='dark'){document.documentElement.dataset.theme=t;}}catch(e){}})();`;
