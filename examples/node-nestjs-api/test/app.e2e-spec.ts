describe('health', () => it('is defined', () => expect(true).toBe(true)));
